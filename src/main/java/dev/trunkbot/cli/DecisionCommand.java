package dev.trunkbot.cli;

import dev.trunkbot.provisioning.GuideWorkflow;
import dev.trunkbot.workflow.ApprovalOutcome;
import dev.trunkbot.workflow.RunId;
import dev.trunkbot.workflow.RunView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trunkbot approve RUN_ID} and {@code trunkbot reject RUN_ID}: the approver's decision on
 * the DID assignment.
 */
public abstract class DecisionCommand extends RunCommand {
  private final boolean approve;

  @Parameters(
      index = "0",
      paramLabel = "RUN_ID",
      description = "The run waiting for approval (trunkbot list shows them).")
  String runId;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why; recorded with the decision.")
  String reason = "";

  DecisionCommand(Backend.Factory backends, boolean approve) {
    super(backends);
    this.approve = approve;
  }

  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = {
        "Approves the DID assignment of a run, then follows the run until it settles.",
        "The requester cannot approve their own run unless TRUNKBOT_ALLOW_SELF_APPROVAL=true."
      })
  public static final class Approve extends DecisionCommand {
    public Approve(Backend.Factory backends) {
      super(backends, true);
    }
  }

  @Command(
      name = "reject",
      mixinStandardHelpOptions = true,
      description =
          "Rejects the DID assignment of a run: no DID is assigned and the run ends REJECTED.")
  public static final class Reject extends DecisionCommand {
    public Reject(Backend.Factory backends) {
      super(backends, false);
    }
  }

  @Override
  int run(Backend backend) throws Exception {
    RunId id = runId(runId);
    if (backend.engine().run(id).isEmpty()) {
      err()
          .println(
              "run "
                  + id
                  + " does not exist"
                  + (backend.sandbox()
                      ? " (sandbox runs live only as long as the command that started them: use create --auto-approve)"
                      : ""));
      return RunReport.FAILED;
    }
    RunFollower follower = follower(backend);
    ApprovalOutcome outcome =
        approve
            ? backend.engine().approve(id, GuideWorkflow.APPROVAL_STEP, who(), reason)
            : backend.engine().reject(id, GuideWorkflow.APPROVAL_STEP, who(), reason);
    if (outcome instanceof ApprovalOutcome.AlreadyDecided d) {
      err()
          .println(
              "already "
                  + d.decision().toLowerCase()
                  + " by "
                  + d.by()
                  + " at "
                  + d.at()
                  + ": nothing changed");
      return RunReport.FAILED;
    } else if (outcome instanceof ApprovalOutcome.NotWaiting n) {
      err().println("run " + id + " is not waiting for approval: " + n.reason());
      return RunReport.FAILED;
    } else if (outcome instanceof ApprovalOutcome.SelfApprovalRefused s) {
      err()
          .println(
              "you requested this run ("
                  + s.requester()
                  + "): another person must approve it"
                  + " (or set TRUNKBOT_ALLOW_SELF_APPROVAL=true)");
      return RunReport.FAILED;
    } else if (outcome instanceof ApprovalOutcome.Expired x) {
      err().println("the approval request expired at " + x.expiredAt());
      return RunReport.FAILED;
    }
    progressOut().println((approve ? "approved" : "rejected") + " by " + who());
    RunView run = follower.follow(id, false, timeout);
    return report(backend, run);
  }
}
