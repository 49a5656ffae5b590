package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.TwilioTrunking;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepContext;
import dev.trunkbot.workflow.StepResult;

/** Guide steps 1-2: the Elastic SIP trunk with its friendly name and its unique termination URI. */
final class ElasticSipTrunk {
  static final String ID = "trunk";

  private ElasticSipTrunk() {}

  static Step step(Ports ports) {
    return Step.builder(ID, "Create the Elastic SIP trunk and its termination URI")
        .dependsOn(Preflight.ID)
        .resource(Ports.TWILIO)
        .execute(
            Failures.guarded(
                ctx -> {
                  TrunkSpec spec = RunInput.spec(ctx.input());
                  String host = spec.terminationHost();
                  Changes changes = new Changes();
                  Ensured<String> trunk =
                      ports.twilio().ensureTrunk(spec.name(), host, Owned.recorder(ctx));
                  boolean made = Owned.byRun(ctx, trunk, TwilioTrunking.TRUNK, host);
                  changes.count(trunk, made);
                  ObjectNode out = changes.outputs();
                  out.put("trunkSid", trunk.value());
                  out.put("terminationUri", host);
                  out.put("trunkCreated", made);
                  return StepResult.done(out);
                }))
        .undo(
            (ctx, out) -> {
              if (out.has("trunkSid")) {
                if (out.path("trunkCreated").asBoolean()) {
                  ports.twilio().deleteTrunk(out.get("trunkSid").asText());
                }
                return;
              }
              // the step did not finish: delete the trunk only if this run meant to create it
              String host = RunInput.spec(ctx.input()).terminationHost();
              if (ctx.intended(TwilioTrunking.TRUNK).contains(host)) {
                ports.twilio().findTrunk(host).ifPresent(ports.twilio()::deleteTrunk);
              }
            })
        .build();
  }

  static String trunkSid(StepContext ctx) {
    return ctx.output(ID).get("trunkSid").asText();
  }
}
