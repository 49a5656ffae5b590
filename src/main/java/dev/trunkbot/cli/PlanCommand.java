package dev.trunkbot.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.provisioning.Plan;
import dev.trunkbot.provisioning.PlanItem;
import picocli.CommandLine.Command;

/**
 * {@code trunkbot plan}: what create would make, change or leave on both sides, changing nothing.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Shows what create would create, change or leave as it is on Twilio and PortSIP, changing nothing.",
      "Also shows drift: what an existing trunk holds that differs from the spec.",
      "Exit codes: 0 in sync, 4 changes pending, 1 blocked or failed, 2 bad input."
    })
public final class PlanCommand extends SpecCommand {
  static final int CHANGES_PENDING = 4;

  public PlanCommand(Backend.Factory backends) {
    super(backends);
  }

  @Override
  int run(Backend backend) throws Exception {
    Plan plan = backend.planner().plan(trunk);
    if (json) {
      ObjectNode doc = JsonNodeFactory.instance.objectNode();
      doc.put("sandbox", backend.sandbox());
      doc.put("inSync", plan.inSync());
      var items = doc.putArray("items");
      plan.items()
          .forEach(
              i ->
                  items
                      .addObject()
                      .put("side", i.side().name())
                      .put("resource", i.resource())
                      .put("action", i.action().name())
                      .put("detail", i.detail()));
      RunReport.printJson(out(), doc);
    } else {
      out().println(backend.describe());
      for (PlanItem item : plan.items()) {
        out()
            .println(
                String.format(
                    "  %-8s %-8s %-22s %s",
                    item.action(), item.side(), item.resource(), item.detail()));
      }
      out()
          .println(
              "Plan: "
                  + plan.count(PlanItem.Action.CREATE)
                  + " to create, "
                  + plan.count(PlanItem.Action.UPDATE)
                  + " to change, "
                  + plan.count(PlanItem.Action.NONE)
                  + " as asked, "
                  + plan.count(PlanItem.Action.EXTRA)
                  + " extra (left alone), "
                  + plan.count(PlanItem.Action.BLOCKED)
                  + " blocked.");
      out().flush();
    }
    return plan.count(PlanItem.Action.BLOCKED) > 0
        ? RunReport.FAILED
        : plan.inSync() ? 0 : CHANGES_PENDING;
  }
}
