package dev.trunkbot.cli;

import dev.trunkbot.workflow.ActionOutcome;
import dev.trunkbot.workflow.RunId;
import dev.trunkbot.workflow.RunState;
import dev.trunkbot.workflow.RunView;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trunkbot resume RUN_ID} and {@code trunkbot rollback RUN_ID}: move a settled run again.
 */
public abstract class ResumeCommand extends RunCommand {
  private final boolean rollback;

  @Parameters(
      index = "0",
      paramLabel = "RUN_ID",
      description = "The run (trunkbot list shows them).")
  String runId;

  ResumeCommand(Backend.Factory backends, boolean rollback) {
    super(backends);
    this.rollback = rollback;
  }

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Retries the failed steps of a run and follows it from there.")
  public static final class Resume extends ResumeCommand {
    public Resume(Backend.Factory backends) {
      super(backends, false);
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = {
        "Undoes, in reverse order, what the run's finished steps created.",
        "Resources the run found (made before it) are left alone."
      })
  public static final class Rollback extends ResumeCommand {
    public Rollback(Backend.Factory backends) {
      super(backends, true);
    }
  }

  @Override
  int run(Backend backend) throws Exception {
    RunId id = runId(runId);
    RunFollower follower = follower(backend);
    ActionOutcome outcome =
        rollback ? backend.engine().rollback(id, who()) : backend.engine().resume(id, who());
    if (outcome instanceof ActionOutcome.Refused r) {
      Optional<RunView> current = backend.engine().run(id);
      boolean moving = current.map(v -> !v.state().settled()).orElse(false);
      if (rollback || !moving) {
        err().println((rollback ? "rollback" : "resume") + " refused: " + r.reason());
        return RunReport.FAILED;
      }
      progressOut()
          .println(
              "run "
                  + id
                  + " is "
                  + current.get().state()
                  + ": following it (an interrupted run"
                  + " continues from its last finished step)");
    }
    RunView run = follower.follow(id, false, timeout);
    return rollback ? report(backend, run, RunState.ROLLED_BACK) : report(backend, run);
  }
}
