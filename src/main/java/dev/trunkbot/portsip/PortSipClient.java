package dev.trunkbot.portsip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.port.Intents;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@link PortSipTrunks} over the PortSIP PBX REST API (v22; logins of v22.0/22.1 and v16 too). */
public final class PortSipClient implements PortSipTrunks, AutoCloseable {
  private final PortSipConfig config;
  private final Api api;

  PortSipClient(PortSipConfig config, Api api) {
    this.config = config;
    this.api = api;
  }

  /** A client with the real clock, real sleeps and default retries: what {@code app} wires. */
  public static PortSipClient create(PortSipConfig config) {
    return builder(config).build();
  }

  /** A client with seams (clock, sleeper, retry policy, HTTP client) for tests and tuning. */
  public static PortSipClientBuilder builder(PortSipConfig config) {
    return new PortSipClientBuilder(config);
  }

  @Override
  public void checkLogin() {
    api.signIn();
  }

  @Override
  public boolean systemAdministrator() {
    return config.systemAdmin();
  }

  @Override
  public List<String> tenantNames() {
    return tenants().stream().map(t -> TrunkFields.text(t, "name")).toList();
  }

  @Override
  public Optional<String> findTrunk(String name) {
    return findProvider(name).map(p -> TrunkFields.text(p, "id"));
  }

  @Override
  public Ensured<String> ensureRegisterTrunk(RegisterTrunk spec, Intents intents) {
    Optional<JsonNode> found = findProvider(spec.name());
    if (found.isEmpty()) {
      intents.before(TRUNK, spec.name());
      String id =
          api.retrier()
              .create(
                  "POST /providers",
                  () ->
                      TrunkFields.text(
                          api.create("/providers", TrunkFields.createBody(spec)), "id"),
                  () -> findTrunk(spec.name()));
      if (id.isEmpty()) {
        throw new PortSipException(
            PortSipException.Reason.BAD_RESPONSE,
            "PortSIP POST /providers answered without the new trunk's id");
      }
      return Ensured.created(id);
    }
    String id = TrunkFields.text(found.get(), "id");
    JsonNode existing = api.get("/providers/" + seg(id));
    List<String> fixed = TrunkFields.unchangeable(existing);
    if (!fixed.isEmpty()) {
      throw new PortSipException(
          PortSipException.Reason.TRUNK_CONFLICT,
          "PortSIP trunk '"
              + spec.name()
              + "' (id "
              + id
              + ") already exists but its "
              + String.join(" and its ", fixed)
              + "; the PBX cannot change brand or auth_mode of a trunk. Choose another trunk name,"
              + " or delete that trunk on the PBX and run again.");
    }
    if (TrunkFields.differences(spec, existing).isEmpty() && !spec.passwordChanged()) {
      return Ensured.found(id);
    }
    api.post("/providers/" + seg(id), TrunkFields.updateBody(spec));
    return Ensured.updated(id);
  }

  @Override
  public Ensured<Assignee> ensureAssignee(
      String providerId, String tenantName, String didNumbers, int concurrency, Intents intents) {
    requireSystemAdmin("assign tenant '" + tenantName + "' to a trunk");
    if (concurrency < 0) {
      throw new IllegalArgumentException("concurrency must be 0 or more, got " + concurrency);
    }
    JsonNode tenant = tenant(tenantName);
    String tenantId = TrunkFields.text(tenant, "id");
    Assignee wanted =
        new Assignee(TrunkFields.text(tenant, "name"), tenantId, didNumbers, concurrency);
    Optional<JsonNode> current =
        assignees(providerId).stream()
            .filter(a -> tenantId.equals(TrunkFields.text(a, "tenant_id")))
            .findFirst();
    if (current.isPresent()
        && TrunkFields.pool(TrunkFields.text(current.get(), "did_numbers"))
            .equals(TrunkFields.pool(didNumbers))
        && current.get().path("concurrency").asInt(-1) == concurrency) {
      return Ensured.found(wanted);
    }
    ObjectNode body =
        Wire.JSON.createObjectNode().put("did_numbers", didNumbers).put("concurrency", concurrency);
    if (current.isEmpty()) {
      intents.before(ASSIGNEE, tenantName);
    }
    api.post("/providers/" + seg(providerId) + "/assignees/" + seg(tenantId), body);
    return current.isPresent() ? Ensured.updated(wanted) : Ensured.created(wanted);
  }

  @Override
  public TrunkStatus status(String providerId) {
    String status =
        TrunkFields.text(api.get("/providers/" + seg(providerId) + "/status"), "status");
    try {
      return TrunkStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw new PortSipException(
          PortSipException.Reason.BAD_RESPONSE,
          "PortSIP trunk "
              + providerId
              + " has status '"
              + status
              + "', expected ONLINE or OFFLINE");
    }
  }

  @Override
  public Optional<TrunkSnapshot> readTrunk(String name) {
    Optional<JsonNode> found = findProvider(name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String id = TrunkFields.text(found.get(), "id");
    JsonNode detail = api.get("/providers/" + seg(id));
    List<Assignee> assignees = new ArrayList<>();
    if (config.systemAdmin()) {
      List<JsonNode> raw = assignees(id);
      Map<String, String> names =
          raw.isEmpty()
              ? Map.of()
              : tenants().stream()
                  .collect(
                      Collectors.toMap(
                          t -> TrunkFields.text(t, "id"),
                          t -> TrunkFields.text(t, "name"),
                          (a, b) -> a));
      for (JsonNode a : raw) {
        String tid = TrunkFields.text(a, "tenant_id");
        assignees.add(
            new Assignee(
                names.getOrDefault(tid, ""),
                tid,
                TrunkFields.text(a, "did_numbers"),
                a.path("concurrency").asInt(0)));
      }
    }
    return Optional.of(TrunkFields.snapshot(detail, assignees));
  }

  @Override
  public boolean destroyTrunk(String providerId) {
    return gone(
        () -> api.post("/providers/" + seg(providerId) + "/destroy"),
        () -> api.get("/providers/" + seg(providerId)));
  }

  @Override
  public boolean removeAssignee(String providerId, String tenantName) {
    requireSystemAdmin("remove tenant '" + tenantName + "' from a trunk");
    Optional<JsonNode> tenant = findTenant(tenants(), tenantName);
    if (tenant.isEmpty()) {
      return false; // no such tenant any more, so no assignment either
    }
    String path =
        "/providers/" + seg(providerId) + "/assignees/" + seg(TrunkFields.text(tenant.get(), "id"));
    return gone(() -> api.post(path + "/destroy"), () -> api.get(path));
  }

  /** Signs out of the PBX (best effort). */
  @Override
  public void close() {
    api.signOut();
  }

  @Override
  public String toString() {
    return "PortSipClient[" + config + "]";
  }

  /**
   * Runs a destroy; false when the thing was already gone. A PBX answers 404, or per the spec 400
   * for an unknown id: then {@code check} (a GET) decides whether it exists.
   */
  private static boolean gone(Runnable destroy, Runnable check) {
    try {
      destroy.run();
      return true;
    } catch (PortSipFailure e) {
      if (e.status() == 404) {
        return false;
      }
      if (e.status() != 400) {
        throw e;
      }
      try {
        check.run();
      } catch (PortSipFailure missing) {
        if (missing.status() == 404) {
          return false;
        }
      }
      throw e;
    }
  }

  private Optional<JsonNode> findProvider(String name) {
    String filter = "name eq '" + name.replace("'", "''") + "'";
    return api.listAll("/providers", Optional.of(filter)).stream()
        .filter(p -> name.equals(TrunkFields.text(p, "name")))
        .findFirst();
  }

  private List<JsonNode> assignees(String providerId) {
    List<JsonNode> out = new ArrayList<>();
    api.get("/providers/" + seg(providerId) + "/assignees").path("items").forEach(out::add);
    return out;
  }

  private List<JsonNode> tenants() {
    return api.listAll("/tenants", Optional.empty());
  }

  private JsonNode tenant(String name) {
    List<JsonNode> all = tenants();
    return findTenant(all, name)
        .orElseThrow(
            () -> {
              List<String> names =
                  all.stream()
                      .map(t -> TrunkFields.text(t, "name"))
                      .sorted()
                      .collect(Collectors.toList());
              String known =
                  names.isEmpty()
                      ? "the PBX has no tenants"
                      : "tenants on the PBX: "
                          + String.join(", ", names.subList(0, Math.min(names.size(), 25)))
                          + (names.size() > 25 ? " ... (" + names.size() + " in all)" : "");
              return new PortSipException(
                  PortSipException.Reason.TENANT_NOT_FOUND,
                  "PortSIP has no tenant named '" + name + "'; " + known);
            });
  }

  private static Optional<JsonNode> findTenant(List<JsonNode> all, String name) {
    Function<Boolean, Optional<JsonNode>> match =
        ignoreCase ->
            all.stream()
                .filter(
                    t ->
                        ignoreCase
                            ? name.equalsIgnoreCase(TrunkFields.text(t, "name"))
                            : name.equals(TrunkFields.text(t, "name")))
                .findFirst();
    return match.apply(false).or(() -> match.apply(true));
  }

  private void requireSystemAdmin(String what) {
    if (!config.systemAdmin()) {
      throw new PortSipException(
          PortSipException.Reason.NOT_SYSTEM_ADMIN,
          "cannot "
              + what
              + ": logged in to PortSIP as"
              + " a tenant administrator (PORTSIP_DOMAIN="
              + config.domain().orElse("")
              + "); assigning"
              + " tenants needs the system administrator (leave PORTSIP_DOMAIN unset)");
    }
  }

  private static String seg(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
