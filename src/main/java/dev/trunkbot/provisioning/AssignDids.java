package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.workflow.FanOutException;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Guide step 7: assigns every DID to the trunk, after an approver said yes. The calls fan out with
 * at most the engine's Twilio limit in flight; each assignment finds before it creates, so a
 * retried or resumed step never assigns a number twice.
 */
final class AssignDids {
  static final String ID = "assign-dids";

  private AssignDids() {}

  static Step step(Ports ports) {
    return Step.builder(ID, "Assign the DIDs to the trunk (needs approval)")
        .dependsOn(ElasticSipTrunk.ID, FindDids.ID)
        .requiresApproval()
        .execute(
            Failures.guarded(
                ctx -> {
                  String trunk = ElasticSipTrunk.trunkSid(ctx);
                  List<String> sids = new ArrayList<>(FindDids.phoneNumbers(ctx).values());
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
