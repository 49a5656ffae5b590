package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.portsip.PortSipTrunks;
import dev.trunkbot.portsip.RegisterTrunk;
import dev.trunkbot.portsip.Transport;
import dev.trunkbot.trunk.TrunkScope;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepResult;

/**
 * Guide step 8: the PortSIP Register Based Trunk, brand Twilio, hostname = the termination URI, the
 * credential list's username and password, Need Registration off, Max Concurrent Calls; at tenant
 * level with the DID pool.
 */
final class RegisterBasedTrunk {
  static final String ID = "portsip-trunk";

  private RegisterBasedTrunk() {}

  static Step step(Ports ports) {
    return Step.builder(ID, "PortSIP: Register Based Trunk to the termination URI")
        .dependsOn(TerminationCredentials.ID)
        .resource(Ports.PORTSIP)
        .execute(
            Failures.guarded(
                ctx -> {
                  TrunkSpec spec = RunInput.spec(ctx.input());
                  boolean passwordSet =
                      ctx.output(TerminationCredentials.ID).path("passwordSet").asBoolean();
                  Ensured<String> trunk =
                      ports
                          .portsip()
                          .ensureRegisterTrunk(
                              desired(spec, TerminationCredentials.password(ctx))
                                  .withPasswordChanged(passwordSet),
                              Owned.recorder(ctx));
                  boolean made = Owned.byRun(ctx, trunk, PortSipTrunks.TRUNK, spec.name());
                  Changes changes = new Changes();
                  changes.count(trunk, made);
                  ObjectNode out = changes.outputs();
                  out.put("providerId", trunk.value());
                  out.put("trunkCreated", made);
                  return StepResult.done(out);
                }))
        .undo(
            (ctx, out) -> {
              if (out.has("providerId")) {
                if (out.path("trunkCreated").asBoolean()) {
                  ports.portsip().destroyTrunk(out.get("providerId").asText());
                }
                return;
              }
              // the step did not finish: destroy the trunk only if this run meant to create it
              String name = RunInput.spec(ctx.input()).name();
              if (ctx.intended(PortSipTrunks.TRUNK).contains(name)) {
                ports.portsip().findTrunk(name).ifPresent(ports.portsip()::destroyTrunk);
              }
            })
        .build();
  }

  /** The trunk the spec asks for (UDP to port 5060 of the termination URI). */
  static RegisterTrunk desired(TrunkSpec spec, String password) {
    RegisterTrunk trunk =
        RegisterTrunk.of(
            spec.name(),
            spec.terminationHost(),
            Transport.UDP,
            spec.credentials().username(),
            password,
            spec.maxConcurrentCalls());
    return spec.scope() instanceof TrunkScope.TenantLevel
        ? trunk.withDidNumbers(spec.dids().toString())
        : trunk;
  }

  static String providerId(dev.trunkbot.workflow.StepContext ctx) {
    return ctx.output(ID).get("providerId").asText();
  }
}
