package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.NumberLookup;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepContext;
import dev.trunkbot.workflow.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before guide step 7: finds each DID among the account's purchased numbers. A number the account
 * does not own stops the run here, with the whole list, so that no DID is ever half-assigned.
 */
final class FindDids {
  static final String ID = "find-dids";
  private static final int MAX_LISTED = 20;

  private FindDids() {}

  static Step step(Ports ports) {
    return Step.builder(ID, "Find the DIDs among the account's purchased numbers")
        .dependsOn(Preflight.ID)
        .resource(Ports.TWILIO)
        .execute(
            Failures.guarded(
                ctx -> {
                  TrunkSpec spec = RunInput.spec(ctx.input());
                  List<String> numbers = new ArrayList<>();
                  spec.dids().e164().forEach(numbers::add);
                  NumberLookup lookup = ports.twilio().lookupNumbers(numbers);
                  if (!lookup.allOwned()) {
                    return StepResult.permanent(
                        notOwned(lookup.notOwned(), numbers.size()) + "; nothing was assigned");
                  }
                  ObjectNode out = new Changes().outputs();
                  out.put("found", numbers.size());
                  ObjectNode owned = out.putObject("phoneNumbers");
                  lookup.owned().forEach(owned::put);
                  return StepResult.done(out);
                }))
        .build();
  }

  /** What to say of DIDs the account does not own: how many, the first of them, what to do. */
  static String notOwned(List<String> missing, int total) {
    return "the Twilio account does not own "
        + missing.size()
        + " of the "
        + total
        + " DIDs: "
        + String.join(", ", missing.subList(0, Math.min(MAX_LISTED, missing.size())))
        + (missing.size() > MAX_LISTED ? ", ..." : "")
        + ". Buy them in Twilio (or remove them from dids), then create the trunk again";
  }

  /** E.164 number to its PN SID, in the pool's order. */
  static Map<String, String> phoneNumbers(StepContext ctx) {
    Map<String, String> out = new LinkedHashMap<>();
    ctx.output(ID)
        .path("phoneNumbers")
        .fields()
        .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
