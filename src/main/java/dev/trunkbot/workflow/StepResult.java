package dev.trunkbot.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What a step's execute returned. */
public sealed interface StepResult {

  /**
   * The step did its work. {@code outputs} (a JSON object) become visible to later steps; {@code
   * secretOutputs} are stored encrypted and are readable only through {@link StepContext#secret}.
   */
  record Done(ObjectNode outputs, Map<String, String> secretOutputs) implements StepResult {
    public Done {
      Objects.requireNonNull(outputs, "outputs");
      secretOutputs = Map.copyOf(secretOutputs);
    }

    /** Adds a secret output (e.g. a generated SIP password). */
    public Done withSecret(String name, String value) {
      Map<String, String> all = new LinkedHashMap<>(secretOutputs);
      all.put(
          Objects.requireNonNull(name, "secret name"),
          Objects.requireNonNull(value, "secret value"));
      return new Done(outputs, all);
    }

    @Override
    public String toString() {
      return "Done[outputs=" + outputs + ", secretOutputs=" + secretOutputs.keySet() + "=****]";
    }
  }

  /** The step failed; {@code retryable} failures are tried again per the step's retry policy. */
  record Failed(String message, boolean retryable) implements StepResult {
    public Failed {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The step needs a person's approval before it changes anything; {@code request} says what
   * approving does ("7 DIDs will be routed to ..."). The step runs again once approved, and then
   * sees {@link StepContext#approved()}. A step that has nothing to ask about simply returns {@link
   * Done} without asking.
   */
  record Waiting(String request) implements StepResult {
    public Waiting {
      Objects.requireNonNull(request, "request");
    }
  }

  static Waiting awaitApproval(String request) {
    return new Waiting(request);
  }

  static Done done() {
    return new Done(JsonNodeFactory.instance.objectNode(), Map.of());
  }

  static Done done(ObjectNode outputs) {
    return new Done(outputs, Map.of());
  }

  /** Outputs from a map of plain values (strings, numbers, booleans, lists, maps). */
  static Done done(Map<String, ?> outputs) {
    return new Done(Json.MAPPER.valueToTree(outputs), Map.of());
  }

  static Done done(String key, Object value) {
    return done(Map.of(key, value));
  }

  static Failed retryable(String message) {
    return new Failed(message, true);
  }

  static Failed permanent(String message) {
    return new Failed(message, false);
  }

  /** Reads a plain JSON value; used by tests and views. */
  static JsonNode emptyOutputs() {
    return JsonNodeFactory.instance.objectNode();
  }
}
