package dev.trunkbot.portsip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The guide's trunk as PortSIP provider fields: the body to send, what differs from the PBX, and
 * read-back.
 */
final class TrunkFields {
  private TrunkFields() {}

  /** The create body: every field the guide sets, brand and auth mode included. */
  static ObjectNode createBody(RegisterTrunk spec) {
    ObjectNode body =
        Wire.JSON
            .createObjectNode()
            .put("name", spec.name())
            .put("brand", RegisterTrunk.BRAND)
            .put("auth_mode", RegisterTrunk.AUTH_MODE);
    body.setAll(updateBody(spec));
    return body;
  }

  /**
   * The update body: every correctable field and the password (brand and auth_mode cannot be
   * updated).
   */
  static ObjectNode updateBody(RegisterTrunk spec) {
    ObjectNode body =
        Wire.JSON
            .createObjectNode()
            .put("enabled", true)
            .put("transport", spec.transport().name())
            .put("hostname", spec.hostname())
            .put("port", spec.port())
            .put("auth_id", spec.username())
            .put("username", spec.username())
            .put("password", spec.password())
            .put("registration", false)
            .put("outbound_server", spec.hostname())
            .put("outbound_server_port", spec.port())
            .put("concurrency", spec.concurrency());
    spec.didNumbers().ifPresent(d -> body.put("did_numbers", d));
    return body;
  }

  /** Brand or auth mode of an existing trunk that the PBX cannot change, or empty. */
  static List<String> unchangeable(JsonNode existing) {
    List<String> out = new ArrayList<>();
    String brand = text(existing, "brand");
    String mode = text(existing, "auth_mode");
    if (!RegisterTrunk.BRAND.equals(brand)) {
      out.add("brand is '" + brand + "' (needs '" + RegisterTrunk.BRAND + "')");
    }
    if (!RegisterTrunk.AUTH_MODE.equals(mode)) {
      out.add("auth_mode is '" + mode + "' (needs " + RegisterTrunk.AUTH_MODE + ")");
    }
    return out;
  }

  /** Names of the readable fields where the PBX's trunk differs from the spec. */
  static List<String> differences(RegisterTrunk spec, JsonNode existing) {
    List<String> out = new ArrayList<>();
    check(out, "enabled", existing.path("enabled").asBoolean(true), true);
    check(out, "transport", text(existing, "transport"), spec.transport().name());
    check(out, "hostname", lower(text(existing, "hostname")), lower(spec.hostname()));
    check(out, "port", existing.path("port").asInt(-1), spec.port());
    check(out, "auth_id", text(existing, "auth_id"), spec.username());
    check(out, "username", text(existing, "username"), spec.username());
    check(out, "registration", existing.path("registration").asBoolean(true), false);
    check(out, "outbound_server", lower(text(existing, "outbound_server")), lower(spec.hostname()));
    check(
        out, "outbound_server_port", existing.path("outbound_server_port").asInt(-1), spec.port());
    check(out, "concurrency", existing.path("concurrency").asInt(-1), spec.concurrency());
    spec.didNumbers()
        .ifPresent(d -> check(out, "did_numbers", pool(text(existing, "did_numbers")), pool(d)));
    return out;
  }

  static TrunkSnapshot snapshot(JsonNode p, List<Assignee> assignees) {
    Transport transport;
    try {
      transport = Transport.valueOf(text(p, "transport"));
    } catch (IllegalArgumentException e) {
      throw new PortSipException(
          PortSipException.Reason.BAD_RESPONSE,
          "PortSIP trunk '"
              + text(p, "name")
              + "' has transport '"
              + text(p, "transport")
              + "', expected UDP, TCP or TLS");
    }
    return new TrunkSnapshot(
        text(p, "id"),
        text(p, "name"),
        p.path("enabled").asBoolean(true),
        text(p, "brand"),
        text(p, "auth_mode"),
        text(p, "hostname"),
        transport,
        p.path("port").asInt(0),
        text(p, "auth_id"),
        text(p, "username"),
        p.path("registration").asBoolean(true),
        text(p, "outbound_server"),
        p.path("outbound_server_port").asInt(0),
        p.path("concurrency").asInt(0),
        text(p, "did_numbers"),
        p.path("shared").asBoolean(false),
        assignees);
  }

  /** A DID pool without blanks, so {@code "1; 2"} and {@code "1;2"} compare equal. */
  static String pool(String didNumbers) {
    return didNumbers.replaceAll("\\s+", "");
  }

  /** A field's text, or "" when absent or null. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? "" : v.asText();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static void check(List<String> out, String field, Object actual, Object wanted) {
    if (!Objects.equals(actual, wanted)) {
      out.add(field);
    }
  }
}
