package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Intents;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.TwilioTrunking;
import dev.trunkbot.workflow.FanOutException;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Guide step 7: assigns every DID to the trunk, after an approver said yes (no approval is asked
 * when every DID is on the trunk already). It reads which DIDs the trunk holds, records in one
 * transaction that it means to assign the others, then assigns them with at most the engine's
 * Twilio limit in flight; each assignment finds before it creates. So a retried, resumed or crashed
 * step never assigns a number twice, and the DIDs whose assignment began in any attempt are the
 * run's own (a rollback unassigns them), while a DID that was on the trunk before the run is left
 * alone.
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

  static Step step(Ports ports) {
    return Step.builder(ID, "Assign the DIDs to the trunk (after approval)")
        .dependsOn(ElasticSipTrunk.ID, FindDids.ID)
        // its own reads hold a Twilio permit; the assignments take one each (see
        // forEachConcurrently)
        .resource(Ports.TWILIO)
        .execute(
            Failures.guarded(
                ctx -> {
                  String trunk = ElasticSipTrunk.trunkSid(ctx);
                  List<String> sids = new ArrayList<>(FindDids.phoneNumbers(ctx).values());
                  Set<String> onTrunk = ports.twilio().assignedNumbers(trunk);
                  List<String> missing = sids.stream().filter(s -> !onTrunk.contains(s)).toList();
                  if (!ctx.approved() && !missing.isEmpty()) {
                    TrunkSpec spec = RunInput.spec(ctx.input());
                    return StepResult.awaitApproval(
                        request(spec, trunk, missing.size(), sids.size()));
                  }
                  ctx.intend(TwilioTrunking.NUMBER_ASSIGNMENT, missing);
                  try {
                    ctx.forEachConcurrently(
                        Ports.TWILIO,
                        missing,
                        sid -> ports.twilio().assignNumber(trunk, sid, Intents.NONE));
                  } catch (FanOutException e) {
                    return new StepResult.Failed(
                        e.failures().size()
                            + " of "
                            + sids.size()
                            + " DIDs could not be assigned yet (first: "
                            + e.failures().get(0).message()
                            + "); the others are assigned, and a retry assigns only the rest",
                        true);
                  }
                  // every DID is on the trunk now; the run's own are those it meant to assign
                  Set<String> intended = ctx.intended(TwilioTrunking.NUMBER_ASSIGNMENT);
                  ArrayNode created = JsonNodeFactory.instance.arrayNode();
                  sids.stream().filter(intended::contains).forEach(created::add);
                  ObjectNode out = JsonNodeFactory.instance.objectNode();
                  out.put("created", created.size());
                  out.put("updated", 0);
                  out.put("found", sids.size() - created.size());
                  out.put("assigned", sids.size());
                  out.set("createdAssignments", created);
                  return StepResult.done(out);
                }))
        .undo(
            (ctx, out) -> {
              String trunk = ctx.output(ElasticSipTrunk.ID).path("trunkSid").asText("");
              if (trunk.isEmpty()) {
                return;
              }
              Set<String> made = new LinkedHashSet<>();
              out.withArray("createdAssignments").forEach(n -> made.add(n.asText()));
              // also those whose assignment began in an attempt that did not finish
              made.addAll(ctx.intended(TwilioTrunking.NUMBER_ASSIGNMENT));
              ctx.forEachConcurrently(
                  Ports.TWILIO,
                  List.copyOf(made),
                  sid -> ports.twilio().unassignNumber(trunk, sid));
            })
        .build();
  }
}
