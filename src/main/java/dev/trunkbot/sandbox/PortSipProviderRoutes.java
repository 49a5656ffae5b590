package dev.trunkbot.sandbox;

import static dev.trunkbot.sandbox.PortSipPbx.error;
import static dev.trunkbot.sandbox.PortSipPbx.notFound;
import static dev.trunkbot.sandbox.PortSipPbx.validateFailed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /api/tenants}, {@code /api/providers...} and {@code /api/providers/{id}/assignees...} of
 * the emulated PBX.
 */
final class PortSipProviderRoutes {
  private final PortSipPbx pbx;

  PortSipProviderRoutes(PortSipPbx pbx) {
    this.pbx = pbx;
  }

  Reply tenants(Call call, PortSipPbx.Principal who) {
    synchronized (pbx) {
      List<ObjectNode> all =
          pbx.tenants.values().stream()
              .filter(t -> who.systemAdmin() || who.tenantId().get().equals(t.id()))
              .map(PortSipPbx::tenantJson)
              .collect(Collectors.toList());
      return PortSipPbx.page(call, all);
    }
  }

  Reply list(Call call, PortSipPbx.Principal who) {
    synchronized (pbx) {
      return PortSipPbx.page(
          call, pbx.visible(who).stream().map(PortSipPbx::summary).collect(Collectors.toList()));
    }
  }

  Reply create(Call call, PortSipPbx.Principal who) {
    JsonNode body = call.json();
    Optional<PortSipProviderRules.Problem> problem = PortSipProviderRules.check(body, true);
    if (problem.isPresent()) {
      return validateFailed(problem.get().field(), problem.get().message());
    }
    synchronized (pbx) {
      String name = body.get("name").asText();
      if (pbx.providers.values().stream().anyMatch(p -> p.name().equals(name))) {
        return validateFailed("name", "field 'name': a trunk named '" + name + "' already exists");
      }
      ObjectNode fields = PortSipProviderRules.defaults();
      PortSipPbx.Provider p = new PortSipPbx.Provider(pbx.newId(), who.tenantId(), fields);
      apply(p, body);
      pbx.providers.put(p.id, p);
      return Reply.json(201, PortSipPbx.JSON.createObjectNode().put("id", p.id));
    }
  }

  Reply fetch(Call call, PortSipPbx.Principal who) {
    synchronized (pbx) {
      return pbx.visible(who, call.pathParam("id"))
          .map(p -> Reply.json(200, PortSipPbx.detail(p)))
          .orElseGet(() -> notFound("provider " + call.pathParam("id")));
    }
  }

  Reply update(Call call, PortSipPbx.Principal who) {
    JsonNode body = call.json();
    Optional<PortSipProviderRules.Problem> problem = PortSipProviderRules.check(body, false);
    if (problem.isPresent()) {
      return validateFailed(problem.get().field(), problem.get().message());
    }
    synchronized (pbx) {
      Optional<PortSipPbx.Provider> found = pbx.visible(who, call.pathParam("id"));
      if (found.isEmpty()) {
        return notFound("provider " + call.pathParam("id"));
      }
      PortSipPbx.Provider p = found.get();
      for (String fixed : PortSipProviderRules.FIXED_AFTER_CREATE) {
        if (body.hasNonNull(fixed)
            && !body.get(fixed).asText().equals(p.fields.path(fixed).asText())) {
          return validateFailed(
              fixed, "field '" + fixed + "' cannot be changed after the trunk is created");
        }
      }
      if (body.hasNonNull("name")
          && pbx.providers.values().stream()
              .anyMatch(o -> o != p && o.name().equals(body.get("name").asText()))) {
        return validateFailed(
            "name",
            "field 'name': a trunk named '" + body.get("name").asText() + "' already exists");
      }
      apply(p, body);
      return Reply.empty(200);
    }
  }

  Reply destroy(Call call, PortSipPbx.Principal who) {
    synchronized (pbx) {
      Optional<PortSipPbx.Provider> found = pbx.visible(who, call.pathParam("id"));
      if (found.isEmpty()) {
        return notFound("provider " + call.pathParam("id"));
      }
      pbx.providers.remove(found.get().id);
      return Reply.empty(204);
    }
  }

  /**
   * Without registration the trunk is always ONLINE; the sandbox has no SIP registrar, so with it
   * OFFLINE.
   */
  Reply status(Call call, PortSipPbx.Principal who) {
    synchronized (pbx) {
      return pbx.visible(who, call.pathParam("id"))
          .map(
              p -> {
                boolean online =
                    p.fields.path("enabled").asBoolean(true)
                        && !p.fields.path("registration").asBoolean(true);
                return Reply.json(
                    200,
                    PortSipPbx.JSON
                        .createObjectNode()
                        .put("status", online ? "ONLINE" : "OFFLINE"));
              })
          .orElseGet(() -> notFound("provider " + call.pathParam("id")));
    }
  }

  Reply assignees(Call call, PortSipPbx.Principal who) {
    return withSystemTrunk(
        call,
        who,
        p -> {
          ObjectNode body = PortSipPbx.JSON.createObjectNode();
          p.assignees.values().forEach(a -> body.withArray("items").add(a.deepCopy()));
          body.withArray("items");
          return Reply.json(200, body);
        });
  }

  Reply assignee(Call call, PortSipPbx.Principal who) {
    return withSystemTrunk(
        call,
        who,
        p ->
            Optional.ofNullable(p.assignees.get(call.pathParam("tenant")))
                .map(
                    a ->
                        Reply.json(
                            200,
                            PortSipPbx.JSON
                                .createObjectNode()
                                .put("did_numbers", a.path("did_numbers").asText())
                                .put("concurrency", a.path("concurrency").asInt())))
                .orElseGet(() -> notFound("assignee " + call.pathParam("tenant"))));
  }

  Reply assign(Call call, PortSipPbx.Principal who) {
    JsonNode body = call.json();
    if (!body.isObject()) {
      return validateFailed("body", "request body must be a JSON object");
    }
    if (body.has("did_numbers") && !body.get("did_numbers").isTextual()) {
      return validateFailed("did_numbers", "field 'did_numbers' must be a string");
    }
    if (body.has("concurrency")
        && (!body.get("concurrency").isIntegralNumber() || body.get("concurrency").asLong() < 0)) {
      return validateFailed("concurrency", "field 'concurrency' must be an integer of 0 or more");
    }
    String dids = body.path("did_numbers").asText("");
    PortSipDidPool.Parsed parsed = PortSipDidPool.parse(dids);
    if (parsed.pool().isEmpty()) {
      return validateFailed("did_numbers", "field 'did_numbers' " + parsed.problem());
    }
    return withSystemTrunk(
        call,
        who,
        p -> {
          String tenantId = call.pathParam("tenant");
          if (!pbx.tenants.containsKey(tenantId)) {
            return notFound("tenant " + tenantId);
          }
          List<String> overlaps = new ArrayList<>();
          for (Map.Entry<String, ObjectNode> other : p.assignees.entrySet()) {
            if (!other.getKey().equals(tenantId)) {
              PortSipDidPool theirs =
                  PortSipDidPool.parse(other.getValue().path("did_numbers").asText())
                      .pool()
                      .orElseThrow();
              parsed.pool().get().overlapWith(theirs).forEach(r -> overlaps.add(r.toString()));
            }
          }
          if (!overlaps.isEmpty()) {
            return validateFailed(
                "did_numbers",
                "field 'did_numbers' overlaps the DID pool of another tenant"
                    + " on this trunk: "
                    + String.join(";", overlaps));
          }
          int concurrency =
              body.has("concurrency")
                  ? body.get("concurrency").asInt()
                  : p.fields.path("concurrency").asInt(0);
          p.assignees.put(
              tenantId,
              PortSipPbx.JSON
                  .createObjectNode()
                  .put("tenant_id", tenantId)
                  .put("did_numbers", dids)
                  .put("concurrency", concurrency));
          return Reply.empty(204);
        });
  }

  Reply unassign(Call call, PortSipPbx.Principal who) {
    return withSystemTrunk(
        call,
        who,
        p ->
            p.assignees.remove(call.pathParam("tenant")) == null
                ? notFound("assignee " + call.pathParam("tenant"))
                : Reply.empty(204));
  }

  /**
   * Assignments are the system administrator's, on trunks of the system (not a tenant's own
   * trunks).
   */
  private Reply withSystemTrunk(
      Call call,
      PortSipPbx.Principal who,
      java.util.function.Function<PortSipPbx.Provider, Reply> then) {
    if (!who.systemAdmin()) {
      return error(403, "FORBIDDEN", "only the system administrator can assign trunks to tenants");
    }
    synchronized (pbx) {
      Optional<PortSipPbx.Provider> found = pbx.visible(who, call.pathParam("id"));
      if (found.isEmpty()) {
        return notFound("provider " + call.pathParam("id"));
      }
      if (found.get().ownerTenant.isPresent()) {
        return validateFailed(
            "id",
            "trunk '"
                + found.get().name()
                + "' belongs to a tenant and cannot be"
                + " assigned to other tenants");
      }
      return then.apply(found.get());
    }
  }

  private static void apply(PortSipPbx.Provider p, JsonNode body) {
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (e.getKey().equals("password")) {
        p.password = e.getValue().asText();
      } else if (PortSipProviderRules.known().contains(e.getKey()) && !e.getValue().isNull()) {
        p.fields.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }
}
