package dev.trunkbot.cli;

import dev.trunkbot.service.NoSuchRunException;
import dev.trunkbot.service.PlanSummary;
import dev.trunkbot.service.Role;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.ServiceFactory;
import dev.trunkbot.service.TrunkReport;
import dev.trunkbot.service.TrunkService;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trunkbot status [RUN_ID|TRUNK]}: a run's steps, or a trunk's last run and whether both
 * sides still match it.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "With a run id: that run's steps. With a trunk (its name, termination label or URI): its latest run,",
      "and whether Twilio and PortSIP still hold what that run asked for. With nothing: the recent runs.",
      "Exit codes: 0 succeeded / in sync, 3 waiting for approval, 1 otherwise, 2 no such run or trunk."
    })
public final class StatusCommand extends RunCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_ID|TRUNK")
  String target;

  public StatusCommand(ServiceFactory services) {
    super(services);
  }

  @Override
  Role role() {
    return Role.CLIENT;
  }

  @Override
  int run(TrunkService service) {
    if (target == null) {
      return ListCommand.print(this, service, service.list(20));
    }
    Optional<RunSummary> byId = byId(service);
    if (byId.isPresent()) {
      return report(service, byId.get(), Exit.Wanted.SUCCESS);
    }
    Optional<TrunkReport> trunk = service.status(target);
    if (trunk.isEmpty()) {
      return badInput(
          "no run and no trunk called '"
              + target
              + "'"
              + (service.sandbox()
                  ? " (the sandbox keeps runs only while the command that started them runs)"
                  : "")
              + ": trunkbot list shows the runs");
    }
    TrunkReport report = trunk.get();
    report(service, report.latestRun(), Exit.Wanted.SUCCESS);
    if (!json) {
      if (report.drift().isPresent() && report.inSync()) {
        out().println("Twilio and PortSIP still match the spec of that run.");
      } else if (report.drift().isPresent()) {
        out().println("Twilio and PortSIP differ from the spec of that run:");
        report.drift().get().differences().stream()
            .map(PlanSummary.Line::toString)
            .forEach(l -> out().println("  " + l));
      } else {
        out()
            .println(
                "Whether Twilio and PortSIP still match is unknown: "
                    + report.driftUnknown().orElse(""));
      }
      out().flush();
    }
    return report.inSync() ? Exit.SUCCEEDED : Exit.FAILED;
  }

  private Optional<RunSummary> byId(TrunkService service) {
    try {
      return Optional.of(service.run(target));
    } catch (NoSuchRunException notARun) {
      return Optional.empty();
    }
  }
}
