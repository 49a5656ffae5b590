package dev.trunkbot.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.service.PlanSummary;
import dev.trunkbot.service.Role;
import dev.trunkbot.service.ServiceFactory;
import dev.trunkbot.service.TrunkService;
import java.io.PrintWriter;
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
  public PlanCommand(ServiceFactory services) {
    super(services);
  }

  @Override
  Role role() {
    return Role.CLIENT;
  }

  @Override
  int run(TrunkService service) {
    PlanSummary plan = service.plan(trunk);
    if (json) {
      printJson(this, plan);
    } else {
      out().println(service.describe());
      print(out(), plan);
    }
    return plan.blocked() ? Exit.FAILED : plan.inSync() ? Exit.SUCCEEDED : Exit.CHANGES_PENDING;
  }

  static void printJson(RunCommand command, PlanSummary plan) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("sandbox", plan.sandbox());
    doc.put("inSync", plan.inSync());
    var items = doc.putArray("items");
    plan.lines()
        .forEach(
            i ->
                items
                    .addObject()
                    .put("side", i.side().name())
                    .put("resource", i.resource())
                    .put("action", i.change().name())
                    .put("detail", i.detail()));
    RunReport.printJson(command.out(), doc);
  }

  static void print(PrintWriter out, PlanSummary plan) {
    for (PlanSummary.Line line : plan.lines()) {
      out.println(
          String.format(
              "  %-8s %-8s %-22s %s", line.change(), line.side(), line.resource(), line.detail()));
    }
    out.println(
        "Plan: "
            + plan.count(PlanSummary.Change.CREATE)
            + " to create, "
            + plan.count(PlanSummary.Change.UPDATE)
            + " to change, "
            + plan.count(PlanSummary.Change.NONE)
            + " as asked, "
            + plan.count(PlanSummary.Change.EXTRA)
            + " extra (left alone), "
            + plan.count(PlanSummary.Change.BLOCKED)
            + " blocked.");
    out.flush();
  }
}
