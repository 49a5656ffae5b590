package dev.trunkbot.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated PBX's data (tenants, trunks, assignments) and the shapes of its answers. Guarded by
 * its own lock.
 */
final class PortSipPbx {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME_EQ =
      Pattern.compile("^\\s*name\\s+eq\\s+'((?:[^']|'')*)'\\s*$");

  /** Who is logged in: the system administrator (no tenant) or a tenant administrator. */
  record Principal(Optional<String> tenantId) {
    boolean systemAdmin() {
      return tenantId.isEmpty();
    }
  }

  record Tenant(String id, String name, String domain) {}

  static final class Provider {
    final String id;
    final Optional<String> ownerTenant;
    final ObjectNode fields;
    String password = "";
    final Map<String, ObjectNode> assignees = new LinkedHashMap<>();

    Provider(String id, Optional<String> ownerTenant, ObjectNode fields) {
      this.id = id;
      this.ownerTenant = ownerTenant;
      this.fields = fields;
    }

    String name() {
      return fields.path("name").asText();
    }
  }

  final Map<String, Tenant> tenants = new LinkedHashMap<>();
  final Map<String, Provider> providers = new LinkedHashMap<>();
  private long sequence = 700551909773148160L;

  /** An opaque id in the PBX's style (base64 of a large number). */
  synchronized String newId() {
    sequence += 1 + (sequence % 7);
    return Base64.getEncoder()
        .encodeToString(Long.toString(sequence).getBytes(StandardCharsets.US_ASCII));
  }

  synchronized Tenant addTenant(String name) {
    String clean = name.strip();
    if (clean.isEmpty()) {
      throw new IllegalArgumentException("tenant name must not be empty");
    }
    if (tenants.values().stream().anyMatch(t -> t.name().equals(clean))) {
      throw new IllegalArgumentException("tenant '" + clean + "' is already seeded");
    }
    String domain =
        clean.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
            + PortSipEmulator.DOMAIN_SUFFIX;
    Tenant t = new Tenant(newId(), clean, domain);
    tenants.put(t.id(), t);
    return t;
  }

  synchronized Optional<Tenant> tenantByDomain(String domain) {
    return tenants.values().stream().filter(t -> t.domain().equalsIgnoreCase(domain)).findFirst();
  }

  /**
   * A trunk the principal may see: its own tenant's trunks for a tenant admin, all for the system
   * admin.
   */
  Optional<Provider> visible(Principal who, String id) {
    Provider p = providers.get(id);
    if (p == null || (!who.systemAdmin() && !p.ownerTenant.equals(who.tenantId()))) {
      return Optional.empty();
    }
    return Optional.of(p);
  }

  List<Provider> visible(Principal who) {
    List<Provider> out = new ArrayList<>();
    for (Provider p : providers.values()) {
      if (who.systemAdmin() || p.ownerTenant.equals(who.tenantId())) {
        out.add(p);
      }
    }
    return out;
  }

  static ObjectNode tenantJson(Tenant t) {
    ObjectNode o =
        JSON.createObjectNode()
            .put("id", t.id())
            .put("name", t.name())
            .put("domain", t.domain())
            .put("max_extensions", 1000)
            .put("max_concurrent_calls", 20)
            .put("enabled", true);
    for (String unset :
        List.of(
            "website",
            "timezone",
            "currency",
            "region",
            "avatar_file_name",
            "avatar_file_size",
            "avatar_file_url")) {
      o.putNull(unset);
    }
    return o.put("created_at", "2026-01-01T00:00:00Z");
  }

  static ObjectNode summary(Provider p) {
    ObjectNode o = JSON.createObjectNode().put("id", p.id);
    for (String f : List.of("name", "enabled", "brand", "hostname", "port", "did_numbers")) {
      o.set(f, p.fields.path(f).isMissingNode() ? JSON.nullNode() : p.fields.get(f));
    }
    return o.put("shared", p.ownerTenant.isEmpty());
  }

  static ObjectNode detail(Provider p) {
    ObjectNode o = JSON.createObjectNode().put("id", p.id);
    for (String f : PortSipProviderRules.known()) {
      if (!f.equals("password")) {
        o.set(f, p.fields.path(f).isMissingNode() ? JSON.nullNode() : p.fields.get(f));
      }
    }
    return o.put("shared", p.ownerTenant.isEmpty());
  }

  /**
   * A {@code {count, items}} page of {@code all} after the {@code filter}, {@code skip} and {@code
   * top} of the call.
   */
  static Reply page(Call call, List<ObjectNode> all) {
    List<ObjectNode> matching = all;
    Optional<String> filter = call.queryParam("filter");
    if (filter.isPresent() && !filter.get().isBlank()) {
      Matcher m = NAME_EQ.matcher(filter.get());
      if (!m.matches()) {
        return validateFailed(
            "filter",
            "field 'filter': the sandbox PBX supports only name eq '...', got " + filter.get());
      }
      String name = m.group(1).replace("''", "'");
      matching = all.stream().filter(o -> name.equals(o.path("name").asText())).toList();
    }
    Optional<Integer> skip = intParam(call, "skip");
    Optional<Integer> top = intParam(call, "top");
    if (call.queryParam("skip").isPresent() && (skip.isEmpty() || skip.get() < 0)) {
      return validateFailed("skip", "field 'skip' must be an integer of 0 or more");
    }
    if (call.queryParam("top").isPresent() && (top.isEmpty() || top.get() < 1 || top.get() > 100)) {
      return validateFailed("top", "field 'top' must be an integer from 1 to 100");
    }
    int from = Math.min(skip.orElse(0), matching.size());
    int to = Math.min(from + top.orElse(100), matching.size());
    ArrayNode items = JSON.createArrayNode();
    matching.subList(from, to).forEach(items::add);
    ObjectNode body = JSON.createObjectNode().put("count", matching.size());
    body.set("items", items);
    return Reply.json(200, body);
  }

  private static Optional<Integer> intParam(Call call, String name) {
    try {
      return call.queryParam(name).map(String::strip).map(Integer::parseInt);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Reply error(int status, String code, String message) {
    return Reply.json(status, errors(code, message));
  }

  static Reply validateFailed(String field, String message) {
    ObjectNode body = errors("VALIDATE_FAILED", message);
    ((ObjectNode) body.get("errors").get(0)).putObject("detail").put("field", field);
    return Reply.json(400, body);
  }

  private static ObjectNode errors(String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("errors").addObject().put("code", code).put("message", message);
    return body;
  }

  static Reply notFound(String what) {
    return error(404, "NOT_FOUND", what + " not found");
  }
}
