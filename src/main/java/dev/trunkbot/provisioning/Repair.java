package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.portsip.Assignee;
import dev.trunkbot.trunk.DidPool;
import dev.trunkbot.trunk.InvalidInputException;
import dev.trunkbot.trunk.TrunkScope;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.TrunkSnapshot;
import dev.trunkbot.workflow.RunView;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepState;
import dev.trunkbot.workflow.WorkflowDefinition;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a resume must run again so that it can succeed: the succeeded steps whose resources are gone
 * now or no longer as the spec asks (someone deleted the trunk, detached a list, changed a
 * priority), read through the ports, and the succeeded steps that depend on them. Each of those
 * steps finds before it creates, so running it again repairs what drifted and changes nothing else.
 * Only reads.
 */
public final class Repair {
  private final Ports ports;

  public Repair(Ports ports) {
    this.ports = ports;
  }

  /** A repair reading through the same ports as this planner. */
  public static Repair of(Planner planner) {
    return new Repair(planner.ports());
  }

  /**
   * The steps a resume of this run must run again: {@link #stepsToRerun(TrunkSpec, Map)} of its
   * spec and its succeeded steps' outputs.
   */
  public Set<String> stepsToRerun(RunView run) throws PbxResolver.UnresolvableException {
    Map<String, ObjectNode> outputs = new java.util.LinkedHashMap<>();
    run.steps().stream()
        .filter(s -> s.state() == StepState.SUCCEEDED)
        .forEach(s -> outputs.put(s.id(), s.outputs()));
    return stepsToRerun(RunInput.spec(run.input()), outputs);
  }

  /**
   * The ids of the steps to run again, in the guide's order; empty when everything the succeeded
   * steps made is still there as asked.
   *
   * @param outputs the outputs of the run's succeeded steps, by step id
   */
  public Set<String> stepsToRerun(TrunkSpec spec, Map<String, ObjectNode> outputs)
      throws PbxResolver.UnresolvableException {
    Set<String> drifted = new HashSet<>();
    Optional<TrunkSnapshot> twilio = ports.twilio().readTrunk(spec.terminationHost());
    check(drifted, outputs, ElasticSipTrunk.ID, out -> trunk(spec, twilio, out));
    check(drifted, outputs, IpAccessControl.ID, out -> ipAcl(spec, twilio, out));
    check(drifted, outputs, TerminationCredentials.ID, out -> credentials(spec, twilio, out));
    check(drifted, outputs, Origination.ID, out -> origination(twilio, out));
    check(drifted, outputs, AssignDids.ID, out -> dids(spec, twilio));
    if (outputs.containsKey(RegisterBasedTrunk.ID) || outputs.containsKey(TenantAssignment.ID)) {
      Optional<dev.trunkbot.portsip.TrunkSnapshot> pbx = ports.portsip().readTrunk(spec.name());
      check(drifted, outputs, RegisterBasedTrunk.ID, out -> portsipTrunk(spec, pbx, out));
      check(drifted, outputs, TenantAssignment.ID, out -> tenants(spec, pbx));
    }
    return withDependents(drifted, outputs.keySet());
  }

  @FunctionalInterface
  private interface Check {
    boolean holds(ObjectNode outputs) throws PbxResolver.UnresolvableException;
  }

  private static void check(
      Set<String> drifted, Map<String, ObjectNode> outputs, String step, Check check)
      throws PbxResolver.UnresolvableException {
    ObjectNode out = outputs.get(step);
    if (out != null && !check.holds(out)) {
      drifted.add(step);
    }
  }

  private static boolean trunk(TrunkSpec spec, Optional<TrunkSnapshot> t, ObjectNode out) {
    return t.isPresent()
        && t.get().sid().equals(out.path("trunkSid").asText())
        && t.get().friendlyName().equals(spec.name());
  }

  private boolean ipAcl(TrunkSpec spec, Optional<TrunkSnapshot> t, ObjectNode out)
      throws PbxResolver.UnresolvableException {
    String ip = ports.resolver().ipv4(spec.pbx());
    String sid = out.path("ipAccessControlListSid").asText();
    return t.isPresent()
        && t.get().ipAccessControlLists().stream()
            .anyMatch(a -> a.sid().equals(sid) && a.ipAddresses().contains(ip));
  }

  private static boolean credentials(TrunkSpec spec, Optional<TrunkSnapshot> t, ObjectNode out) {
    String sid = out.path("credentialListSid").asText();
    return t.isPresent()
        && t.get().credentialLists().stream()
            .anyMatch(
                c -> c.sid().equals(sid) && c.usernames().contains(spec.credentials().username()));
  }

  private static boolean origination(Optional<TrunkSnapshot> t, ObjectNode out) {
    if (t.isEmpty()) {
      return false;
    }
    for (JsonNode want : out.withArray("originationUrls")) {
      boolean there =
          t.get().originationUrls().stream()
              .anyMatch(
                  u ->
                      u.sipUrl().equals(want.path("sipUrl").asText())
                          && u.priority() == want.path("priority").asInt()
                          && u.weight() == want.path("weight").asInt()
                          && u.enabled());
      if (!there) {
        return false;
      }
    }
    return true;
  }

  private static boolean dids(TrunkSpec spec, Optional<TrunkSnapshot> t) {
    if (t.isEmpty()) {
      return false;
    }
    Set<String> assigned = new HashSet<>();
    t.get().numbers().forEach(n -> assigned.add(n.e164()));
    for (String did : spec.dids().e164()) {
      if (!assigned.contains(did)) {
        return false;
      }
    }
    return true;
  }

  private static boolean portsipTrunk(
      TrunkSpec spec, Optional<dev.trunkbot.portsip.TrunkSnapshot> t, ObjectNode out) {
    return t.isPresent()
        && t.get().id().equals(out.path("providerId").asText())
        && Planner.trunkItem(spec, t.get()).action() == PlanItem.Action.NONE;
  }

  private static boolean tenants(TrunkSpec spec, Optional<dev.trunkbot.portsip.TrunkSnapshot> t) {
    if (!(spec.scope() instanceof TrunkScope.SystemLevel system)) {
      return true;
    }
    if (t.isEmpty()) {
      return false;
    }
    List<Assignee> assignees = t.get().assignees();
    for (Map.Entry<String, DidPool> tenant : system.tenants().entrySet()) {
      boolean there =
          assignees.stream()
              .anyMatch(
                  a ->
                      a.tenantName().equalsIgnoreCase(tenant.getKey())
                          && samePool(a.didNumbers(), tenant.getValue())
                          && a.concurrency() == spec.maxConcurrentCalls());
      if (!there) {
        return false;
      }
    }
    return true;
  }

  private static boolean samePool(String text, DidPool pool) {
    try {
      return DidPool.parse("did_numbers", text, Long.MAX_VALUE).equals(pool);
    } catch (InvalidInputException e) {
      return false;
    }
  }

  /** The drifted steps and every succeeded step after them, in the guide's order. */
  private Set<String> withDependents(Set<String> drifted, Set<String> succeeded) {
    WorkflowDefinition guide = GuideWorkflow.definition(ports);
    Set<String> out = new LinkedHashSet<>();
    for (String id : guide.topologicalOrder()) {
      Step step = guide.step(id).orElseThrow();
      boolean after = step.dependsOn().stream().anyMatch(out::contains);
      if (drifted.contains(id) || (after && succeeded.contains(id))) {
        out.add(id);
      }
    }
    return out;
  }
}
