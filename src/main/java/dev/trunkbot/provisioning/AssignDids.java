package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.FanOutException;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Guide step 7: assigns every DID to the trunk, after an approver said yes. The calls fan out with
 * at most the engine's Twilio limit in flight; each assignment finds before it creates, so a
 * retried or resumed step never assigns a number twice.
 */
final class AssignDids {
  static final String ID = "assign-dids";

  private AssignDids() {}

  /** For the approver: what approving does. */
  static String request(TrunkSpec spec, String trunkSid, long toRoute, int all) {
    return (toRoute == all ? all + " DIDs" : toRoute + " of " + all + " DIDs")
        + " will be routed to Twilio trunk "
        + spec.name()
        + " ("
        + spec.terminationHost()
        + ", "
        + trunkSid
        + ")";
  }

  /** The PN SIDs already assigned to the spec's trunk. */
  private static Set<String> onTrunk(Ports ports, TrunkSpec spec) {
    Set<String> out = new HashSet<>();
    ports
        .twilio()
        .readTrunk(spec.terminationHost())
        .ifPresent(t -> t.numbers().forEach(n -> out.add(n.sid())));
    return out;
  }

  static Step step(Ports ports) {
    return Step.builder(ID, "Assign the DIDs to the trunk (after approval)")
        .dependsOn(ElasticSipTrunk.ID, FindDids.ID)
        .execute(
            Failures.guarded(
                ctx -> {
                  String trunk = ElasticSipTrunk.trunkSid(ctx);
                  List<String> sids = new ArrayList<>(FindDids.phoneNumbers(ctx).values());
                  if (!ctx.approved()) {
                    TrunkSpec spec = RunInput.spec(ctx.input());
                    Set<String> onTrunk = onTrunk(ports, spec);
                    long toRoute = sids.stream().filter(s -> !onTrunk.contains(s)).count();
                    if (toRoute > 0) {
                      return StepResult.awaitApproval(request(spec, trunk, toRoute, sids.size()));
                    }
                    ObjectNode out = new Changes().outputs();
                    out.put("found", sids.size());
                    out.put("assigned", sids.size());
                    out.set("createdAssignments", out.arrayNode());
                    return StepResult.done(out); // every DID is on this trunk: nothing to approve
                  }
                  List<Ensured<String>> results;
                  try {
                    results =
                        ctx.forEachConcurrently(
                            Ports.TWILIO, sids, sid -> ports.twilio().assignNumber(trunk, sid));
                  } catch (FanOutException e) {
                    boolean retryable = true;
                    return new StepResult.Failed(
                        e.failures().size()
                            + " of "
                            + sids.size()
                            + " DIDs could not be assigned yet (first: "
                            + e.failures().get(0).message()
                            + "); the others are assigned and a retry finds them",
                        retryable);
                  }
                  Changes changes = new Changes();
                  ObjectNode out;
                  ArrayNode created =
                      com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
                  for (Ensured<String> r : results) {
                    changes.count(r);
                    if (r.wasCreated()) {
                      created.add(r.value());
                    }
                  }
                  out = changes.outputs();
                  out.put("assigned", results.size());
                  out.set("createdAssignments", created);
                  return StepResult.done(out);
                }))
        .undo(
            (ctx, out) -> {
              String trunk = ElasticSipTrunk.trunkSid(ctx);
              List<String> created = new ArrayList<>();
              out.withArray("createdAssignments").forEach(n -> created.add(n.asText()));
              ctx.forEachConcurrently(
                  Ports.TWILIO, created, sid -> ports.twilio().unassignNumber(trunk, sid));
            })
        .build();
  }
}
