package dev.trunkbot.cli;

import dev.trunkbot.service.ActionResult;
import dev.trunkbot.service.Role;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.ServiceFactory;
import dev.trunkbot.service.TrunkService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trunkbot resume RUN_ID} and {@code trunkbot rollback RUN_ID}: move a settled run again,
 * then follow it.
 */
public abstract class ResumeCommand extends RunCommand {
  private final boolean rollback;

  @Parameters(
      index = "0",
      paramLabel = "RUN_ID",
      description = "The run (trunkbot list shows them).")
  String runId;

  ResumeCommand(ServiceFactory services, boolean rollback) {
    super(services);
    this.rollback = rollback;
  }

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = {
        "Runs the failed steps of a run again (and those whose resources are gone), then follows it.",
        "A run interrupted by a crash is followed from where it stands.",
        "Exit codes: 0 succeeded, 3 waiting for approval, 1 refused or failed, 2 no such run."
      })
  public static final class Resume extends ResumeCommand {
    public Resume(ServiceFactory services) {
      super(services, false);
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = {
        "Undoes, in reverse order, what the run's finished steps created.",
        "Resources the run found (made before it) are left alone.",
        "Exit codes: 0 rolled back, 1 refused or failed, 2 no such run."
      })
  public static final class Rollback extends ResumeCommand {
    public Rollback(ServiceFactory services) {
      super(services, true);
    }
  }

  @Override
  Role role() {
    return Role.WORKER;
  }

  @Override
  int run(TrunkService service) throws Exception {
    Exit.Wanted wanted = rollback ? Exit.Wanted.ROLLED_BACK : Exit.Wanted.SUCCESS;
    try (RunFollower follower = follower(service)) {
      ActionResult outcome =
          rollback ? service.rollback(runId, who()) : service.resume(runId, who());
      if (outcome instanceof ActionResult.Refused r) {
        RunSummary current = service.run(runId);
        if (rollback || current.state().settled()) {
          err().println((rollback ? "rollback" : "resume") + " refused: " + r.reason());
          err().flush();
          if (json) {
            RunReport.printJson(out(), RunReport.json(current));
          }
          return Exit.FAILED;
        }
        progressOut()
            .println(
                "run "
                    + runId
                    + " is "
                    + current.state()
                    + ": following it (an interrupted run continues from its last finished step)");
      }
      return report(service, follower.follow(runId, timeout), wanted);
    }
  }
}
