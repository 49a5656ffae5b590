package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepResult;

/** Guide steps 1-2: the Elastic SIP trunk with its friendly name and its unique termination URI. */
final class ElasticSipTrunk {
  static final String ID = "trunk";

  private ElasticSipTrunk() {}

  static Step step(Ports ports) {
    return Step.builder(ID, "Create the Elastic SIP trunk and its termination URI")
        .resource(Ports.TWILIO)
        .execute(
            Failures.guarded(
                ctx -> {
                  TrunkSpec spec = RunInput.spec(ctx.input());
                  Changes changes = new Changes();
                  Ensured<String> trunk =
                      ports.twilio().ensureTrunk(spec.name(), spec.terminationHost());
                  changes.count(trunk);
                  ObjectNode out = changes.outputs();
                  out.put("trunkSid", trunk.value());
                  out.put("terminationUri", spec.terminationHost());
                  out.put("trunkCreated", trunk.wasCreated());
                  return StepResult.done(out);
                }))
        .undo(
            (ctx, out) -> {
              if (out.path("trunkCreated").asBoolean()) {
                ports.twilio().deleteTrunk(out.get("trunkSid").asText());
              }
            })
        .build();
  }

  static String trunkSid(dev.trunkbot.workflow.StepContext ctx) {
    return ctx.output(ID).get("trunkSid").asText();
  }
}
