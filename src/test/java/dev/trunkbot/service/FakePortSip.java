package dev.trunkbot.service;

import dev.trunkbot.port.Ensured;
import dev.trunkbot.port.Intents;
import dev.trunkbot.portsip.Assignee;
import dev.trunkbot.portsip.PortSipException;
import dev.trunkbot.portsip.PortSipFailure;
import dev.trunkbot.portsip.PortSipTrunks;
import dev.trunkbot.portsip.RegisterTrunk;
import dev.trunkbot.portsip.TrunkSnapshot;
import dev.trunkbot.portsip.TrunkStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** PortSIP's half of the guide in memory. */
final class FakePortSip implements PortSipTrunks {
  private record Provider(String id, RegisterTrunk spec, Map<String, Assignee> assignees) {}

  private final Map<String, Provider> byName = new LinkedHashMap<>();
  private final Set<String> tenants = Set.of("acme", "globex");
  private int next;

  /** The next create of a trunk is refused (a PBX validation error), once. */
  volatile boolean refuseNextCreate;

  synchronized int trunkCount() {
    return byName.size();
  }

  @Override
  public void checkLogin() {}

  @Override
  public boolean systemAdministrator() {
    return true;
  }

  @Override
  public java.util.List<String> tenantNames() {
    return java.util.List.copyOf(tenants);
  }

  @Override
  public synchronized Optional<String> findTrunk(String name) {
    return Optional.ofNullable(byName.get(name)).map(Provider::id);
  }

  @Override
  public synchronized Ensured<String> ensureRegisterTrunk(RegisterTrunk spec, Intents intents) {
    Provider p = byName.get(spec.name());
    if (p != null) {
      return Ensured.found(p.id());
    }
    if (refuseNextCreate) {
      refuseNextCreate = false;
      throw new PortSipFailure("POST /api/providers", 400, "VALIDATE_FAILED", "hostname is bad");
    }
    String id = "p" + (++next);
    byName.put(spec.name(), new Provider(id, spec, new LinkedHashMap<>()));
    return Ensured.created(id);
  }

  private Provider byId(String id) {
    return byName.values().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  @Override
  public synchronized Ensured<Assignee> ensureAssignee(
      String providerId, String tenantName, String didNumbers, int concurrency, Intents intents) {
    if (!tenants.contains(tenantName)) {
      throw new PortSipException(
          PortSipException.Reason.TENANT_NOT_FOUND, "no tenant named " + tenantName);
    }
    Provider p = byId(providerId);
    Assignee a = new Assignee(tenantName, "t-" + tenantName, didNumbers, concurrency);
    Assignee before = p.assignees().put(tenantName, a);
    return before == null
        ? Ensured.created(a)
        : before.equals(a) ? Ensured.found(a) : Ensured.updated(a);
  }

  @Override
  public TrunkStatus status(String providerId) {
    return TrunkStatus.ONLINE;
  }

  @Override
  public synchronized Optional<TrunkSnapshot> readTrunk(String name) {
    Provider p = byName.get(name);
    if (p == null) {
      return Optional.empty();
    }
    RegisterTrunk s = p.spec();
    return Optional.of(
        new TrunkSnapshot(
            p.id(),
            s.name(),
            true,
            RegisterTrunk.BRAND,
            RegisterTrunk.AUTH_MODE,
            s.hostname(),
            s.transport(),
            s.port(),
            s.username(),
            s.username(),
            false,
            s.hostname(),
            s.port(),
            s.concurrency(),
            s.didNumbers().orElse(""),
            s.didNumbers().isEmpty(),
            java.util.List.copyOf(p.assignees().values())));
  }

  @Override
  public synchronized boolean destroyTrunk(String providerId) {
    return byName.values().removeIf(p -> p.id().equals(providerId));
  }

  @Override
  public synchronized boolean removeAssignee(String providerId, String tenantName) {
    return byId(providerId).assignees().remove(tenantName) != null;
  }
}
