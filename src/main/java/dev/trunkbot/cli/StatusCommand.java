package dev.trunkbot.cli;

import dev.trunkbot.provisioning.GuideWorkflow;
import dev.trunkbot.provisioning.Plan;
import dev.trunkbot.provisioning.RunInput;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.RunFilter;
import dev.trunkbot.workflow.RunView;
import java.util.Locale;
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
      "With a run id: that run's steps. With a trunk (its name or termination label): its latest run,",
      "and whether Twilio and PortSIP still hold what that run asked for. With nothing: the recent runs."
    })
public final class StatusCommand extends RunCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_ID|TRUNK")
  String target;

  public StatusCommand(Backend.Factory backends) {
    super(backends);
  }

  @Override
  int run(Backend backend) throws Exception {
    if (target == null) {
      return ListCommand.print(this, backend, backend.engine().runs(RunFilter.all().withLimit(20)));
    }
    Optional<RunView> byId =
        target.length() <= 36 ? backend.engine().run(runId(target)) : Optional.empty();
    if (byId.isPresent()) {
      return report(backend, byId.get());
    }
    Optional<RunView> latest =
        backend
            .engine()
            .runs(RunFilter.all().withWorkflow(GuideWorkflow.NAME).withLimit(500))
            .stream()
            .filter(r -> matches(r, target))
            .findFirst();
    if (latest.isEmpty()) {
      err()
          .println(
              "no run and no trunk called '"
                  + target
                  + "'"
                  + (backend.sandbox()
                      ? " (the sandbox keeps runs only while the command that started them runs)"
                      : "")
                  + ": trunkbot list shows the runs");
      return RunReport.FAILED;
    }
    TrunkSpec spec = RunInput.spec(latest.get().input());
    Plan plan = backend.planner().plan(spec);
    report(backend, latest.get());
    if (!json) {
      out()
          .println(
              plan.inSync()
                  ? "Twilio and PortSIP still match the spec of that run."
                  : "Twilio and PortSIP differ from the spec of that run:\n  "
                      + plan.differences(50).replace("\n", "\n  "));
      out().flush();
    }
    return plan.inSync() ? 0 : RunReport.FAILED;
  }

  private static boolean matches(RunView run, String target) {
    String t = target.toLowerCase(Locale.ROOT);
    var spec = run.input().path("spec");
    return spec.path("name").asText().toLowerCase(Locale.ROOT).equals(t)
        || spec.path("termination").asText().equals(t)
        || (spec.path("termination").asText() + ".pstn.twilio.com").equals(t);
  }
}
