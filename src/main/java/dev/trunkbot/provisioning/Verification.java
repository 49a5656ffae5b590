package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.portsip.TrunkStatus;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.RetryPolicy;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepResult;
import java.time.Duration;

/**
 * Guide step 10: the PortSIP trunk shows Online, and what Twilio and PortSIP hold equals what was
 * asked.
 */
final class Verification {
  static final String ID = "verify";

  private Verification() {}

  static Step step(Ports all) {
    return Step.builder(ID, "Verify: PortSIP trunk Online, Twilio and PortSIP match the spec")
        .dependsOn(Origination.ID, IpAccessControl.ID, AssignDids.ID, TenantAssignment.ID)
        .retry(new RetryPolicy(5, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(20), 0.2))
        .resource(Ports.TWILIO)
        .execute(
            Failures.guarded(
                ctx -> {
                  TrunkSpec spec = RunInput.spec(ctx.input());
                  Ports ports = Limited.portsip(all, ctx.limiter(Ports.PORTSIP));
                  TrunkStatus status = ports.portsip().status(RegisterBasedTrunk.providerId(ctx));
                  if (status != TrunkStatus.ONLINE) {
                    return StepResult.retryable(
                        "the PortSIP trunk shows " + status + ", not ONLINE");
                  }
                  Plan plan = new Planner(ports).compare(spec);
                  if (!plan.inSync()) {
                    // no hint to resume: only a resume that repairs (Repair) runs the steps that
                    // make these again; this step alone would find the same
                    return StepResult.permanent(
                        "Twilio and PortSIP do not match the spec (changed or deleted since the"
                            + " steps that made them ran):\n"
                            + plan.differences(10));
                  }
                  ObjectNode out = new Changes().outputs();
                  out.put("status", status.name());
                  out.put("checked", plan.items().size());
                  out.put("extras", plan.count(PlanItem.Action.EXTRA));
                  return StepResult.done(out);
                }))
        .build();
  }
}
