package dev.trunkbot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The provider fields of the PortSIP v22 contract and their rules, as the emulator checks them. */
final class PortSipProviderRules {
  private PortSipProviderRules() {}

  /** A field that failed validation and why (the message names the field). */
  record Problem(String field, String message) {}

  static final List<String> REQUIRED_ON_CREATE =
      List.of(
          "name",
          "transport",
          "hostname",
          "port",
          "outbound_server",
          "outbound_server_port",
          "concurrency");
  static final Set<String> FIXED_AFTER_CREATE = Set.of("brand", "auth_mode");

  private enum Kind {
    STRING,
    INT,
    BOOL,
    ENUM,
    OBJECT
  }

  private record Field(Kind kind, int min, int max, List<String> values) {}

  private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

  static {
    text("name", 1, 64);
    FIELDS.put("enabled", new Field(Kind.BOOL, 0, 0, List.of()));
    text("brand", 1, 64);
    FIELDS.put(
        "auth_mode",
        new Field(
            Kind.ENUM,
            0,
            0,
            List.of("IP_AUTH", "REGISTER_AUTH", "ACCEPT_REGISTER", "TEAMS", "WHATS_APP")));
    FIELDS.put("transport", new Field(Kind.ENUM, 0, 0, List.of("UDP", "TCP", "TLS")));
    text("hostname", 1, 255);
    number("port", 0, 65535);
    text("auth_id", 0, 64);
    text("username", 0, 64);
    text("password", 0, 1024);
    FIELDS.put("registration", new Field(Kind.BOOL, 0, 0, List.of()));
    number("register_interval", 0, Integer.MAX_VALUE);
    text("outbound_server", 0, 255);
    number("outbound_server_port", 0, 65535);
    for (String b :
        List.of(
            "inlan",
            "single_via_header",
            "rewrite_via_ip",
            "verify_port",
            "keep_alive",
            "adjust_sdp_direction",
            "remove_srtp_info",
            "stir_shaken_signature_required")) {
      FIELDS.put(b, new Field(Kind.BOOL, 0, 0, List.of()));
    }
    number("concurrency", 0, Integer.MAX_VALUE);
    number("keep_alive_interval", 0, Integer.MAX_VALUE);
    text("additional_ips", 0, 4096);
    text("did_numbers", 0, 65536);
    FIELDS.put("inbound_parameters", new Field(Kind.OBJECT, 0, 0, List.of()));
    FIELDS.put("outbound_parameters", new Field(Kind.OBJECT, 0, 0, List.of()));
  }

  /**
   * What the PBX stores for a field a create left out: the defaults the v22 description declares
   * (enabled, registration and its interval, inlan, single_via_header, rewrite_via_ip, verify_port,
   * keep_alive and its interval, adjust_sdp_direction, remove_srtp_info,
   * stir_shaken_signature_required), plus what a PBX shows without a declared default (auth mode
   * IP_AUTH as its console preselects, an empty DID pool).
   */
  static ObjectNode defaults() {
    return PortSipPbx.JSON
        .createObjectNode()
        .put("enabled", true)
        .put("auth_mode", "IP_AUTH")
        .put("registration", true)
        .put("register_interval", 600)
        .put("inlan", false)
        .put("single_via_header", true)
        .put("rewrite_via_ip", true)
        .put("verify_port", true)
        .put("keep_alive", true)
        .put("keep_alive_interval", 360)
        .put("adjust_sdp_direction", true)
        .put("remove_srtp_info", true)
        .put("stir_shaken_signature_required", false)
        .put("did_numbers", "");
  }

  private static void text(String name, int min, int max) {
    FIELDS.put(name, new Field(Kind.STRING, min, max, List.of()));
  }

  private static void number(String name, int min, int max) {
    FIELDS.put(name, new Field(Kind.INT, min, max, List.of()));
  }

  /** Fields the contract knows (others in a request are ignored, as the PBX does). */
  static Set<String> known() {
    return FIELDS.keySet();
  }

  /** The first problem of a create ({@code create}) or update body, if any. */
  static Optional<Problem> check(JsonNode body, boolean create) {
    if (!body.isObject()) {
      return Optional.of(new Problem("body", "request body must be a JSON object"));
    }
    if (create) {
      for (String field : REQUIRED_ON_CREATE) {
        if (!body.hasNonNull(field)) {
          return Optional.of(new Problem(field, "field '" + field + "' is required"));
        }
      }
    }
    for (Map.Entry<String, Field> e : FIELDS.entrySet()) {
      JsonNode value = body.get(e.getKey());
      if (value != null && !value.isNull()) {
        Optional<Problem> p = checkValue(e.getKey(), e.getValue(), value);
        if (p.isPresent()) {
          return p;
        }
      }
    }
    if (body.hasNonNull("did_numbers")) {
      PortSipDidPool.Parsed parsed = PortSipDidPool.parse(body.get("did_numbers").asText());
      if (parsed.pool().isEmpty()) {
        return Optional.of(new Problem("did_numbers", "field 'did_numbers' " + parsed.problem()));
      }
    }
    return Optional.empty();
  }

  private static Optional<Problem> checkValue(String name, Field f, JsonNode v) {
    switch (f.kind()) {
      case STRING:
        if (!v.isTextual()) {
          return bad(name, "must be a string");
        }
        int len = v.asText().length();
        if (len < f.min() || len > f.max()) {
          return bad(name, "must be " + f.min() + "-" + f.max() + " characters long, got " + len);
        }
        return Optional.empty();
      case INT:
        if (!v.isIntegralNumber()) {
          return bad(name, "must be an integer");
        }
        long n = v.asLong();
        return n < f.min() || n > f.max()
            ? bad(name, "must be between " + f.min() + " and " + f.max() + ", got " + n)
            : Optional.empty();
      case BOOL:
        return v.isBoolean() ? Optional.empty() : bad(name, "must be true or false");
      case ENUM:
        return v.isTextual() && f.values().contains(v.asText())
            ? Optional.empty()
            : bad(name, "must be one of " + String.join(", ", f.values()) + ", got " + v);
      default:
        return v.isObject() ? Optional.empty() : bad(name, "must be an object");
    }
  }

  private static Optional<Problem> bad(String name, String what) {
    return Optional.of(new Problem(name, "field '" + name + "' " + what));
  }
}
