package dev.trunkbot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.workflow.RunState;
import dev.trunkbot.workflow.RunView;
import java.io.PrintWriter;

/**
 * A settled run as one JSON document ({@code --json}) or a few lines for people, and its exit code.
 */
final class RunReport {
  static final int SUCCEEDED = 0;
  static final int FAILED = 1;
  static final int BAD_INPUT = 2;
  static final int WAITING_FOR_APPROVAL = 3;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReport() {}

  /**
   * 0 succeeded, 3 waiting for approval, 1 anything else; {@code wanted} also counts as success
   * (e.g. ROLLED_BACK).
   */
  static int exitCode(RunView run, RunState... wanted) {
    if (run.state() == RunState.SUCCEEDED) {
      return SUCCEEDED;
    }
    for (RunState w : wanted) {
      if (run.state() == w) {
        return SUCCEEDED;
      }
    }
    return run.state() == RunState.WAITING_APPROVAL ? WAITING_FOR_APPROVAL : FAILED;
  }

  /**
   * {"runId", "state", "sandbox", "steps": [{"id", "title", "state", "created", "updated", "found",
   * "outputs", "error"}]}
   */
  static ObjectNode json(RunView run, boolean sandbox) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("runId", run.id().toString());
    doc.put("state", run.state().name());
    doc.put("sandbox", sandbox);
    run.error().ifPresent(e -> doc.put("error", e));
    ArrayNode steps = doc.putArray("steps");
    for (RunView.StepView s : run.steps()) {
      ObjectNode step = steps.addObject();
      step.put("id", s.id());
      step.put("title", s.title());
      step.put("state", s.state().name());
      step.put("created", s.outputs().path("created").asInt(0));
      step.put("updated", s.outputs().path("updated").asInt(0));
      step.put("found", s.outputs().path("found").asInt(0));
      step.set("outputs", s.outputs());
      step.put("attempts", s.attempts());
      if (s.lastError().isPresent()) {
        step.put("error", s.lastError().get());
      } else {
        step.putNull("error");
      }
      s.approval()
          .ifPresent(
              a ->
                  step.putObject("approval")
                      .put("decision", a.decision())
                      .put("decidedBy", a.decidedBy().orElse(null)));
    }
    return doc;
  }

  static void printJson(PrintWriter out, JsonNode doc) {
    try {
      out.println(JSON.writeValueAsString(doc));
      out.flush();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a report always serializes", e);
    }
  }

  /** The run's outcome for people, with what to do next. */
  static void printSummary(PrintWriter out, RunView run, boolean sandbox) {
    out.println(
        (sandbox ? "SANDBOX " : "")
            + "run "
            + run.id()
            + ": "
            + run.state()
            + run.error().map(e -> ": " + e).orElse(""));
    for (RunView.StepView s : run.steps()) {
      JsonNode o = s.outputs();
      String counts =
          o.has("created")
              ? "  created "
                  + o.path("created").asInt()
                  + ", updated "
                  + o.path("updated").asInt()
                  + ", found "
                  + o.path("found").asInt()
              : "";
      out.println(
          "  "
              + pad(s.state().name(), 16)
              + " "
              + s.title()
              + counts
              + (s.state().name().equals("FAILED")
                  ? s.lastError().map(e -> "\n" + indent(e)).orElse("")
                  : ""));
    }
    if (run.state() == RunState.WAITING_APPROVAL) {
      out.println(
          "An approver runs: trunkbot approve "
              + run.id()
              + "   (or: trunkbot reject "
              + run.id()
              + " --reason ...)");
    } else if (run.state() == RunState.FAILED) {
      out.println(
          "Fix the cause, then: trunkbot resume "
              + run.id()
              + "   (or undo what it made: trunkbot rollback "
              + run.id()
              + ")");
    }
    out.flush();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String indent(String text) {
    return "      " + text.replace("\n", "\n      ");
  }
}
