package dev.trunkbot.service;

import dev.trunkbot.provisioning.PbxResolver;
import dev.trunkbot.provisioning.Plan;
import dev.trunkbot.provisioning.Planner;
import dev.trunkbot.trunk.TrunkSpec;
import java.util.List;

/** Reads what both sides hold for a spec, as a {@link PlanSummary}. */
final class Plans {
  private final Planner planner;
  private final boolean sandbox;

  Plans(Planner planner, boolean sandbox) {
    this.planner = planner;
    this.sandbox = sandbox;
  }

  /**
   * @throws ServiceUnavailableException Twilio or PortSIP could not be read
   */
  PlanSummary plan(TrunkSpec spec) {
    try {
      return of(planner.plan(spec));
    } catch (PbxResolver.UnresolvableException e) {
      return new PlanSummary(
          List.of(
              new PlanSummary.Line(
                  PlanSummary.Side.TWILIO,
                  "IP access control list",
                  PlanSummary.Change.BLOCKED,
                  e.getMessage())),
          sandbox);
    } catch (Planner.UnreadableException e) {
      throw new ServiceUnavailableException(e.getMessage());
    }
  }

  private PlanSummary of(Plan plan) {
    return new PlanSummary(
        plan.items().stream()
            .map(
                i ->
                    new PlanSummary.Line(
                        PlanSummary.Side.valueOf(i.side().name()),
                        i.resource(),
                        PlanSummary.Change.valueOf(i.action().name()),
                        i.detail()))
            .toList(),
        sandbox);
  }
}
