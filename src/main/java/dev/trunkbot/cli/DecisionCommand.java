package dev.trunkbot.cli;

import dev.trunkbot.service.DecisionOutcome;
import dev.trunkbot.service.Role;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.ServiceFactory;
import dev.trunkbot.service.TrunkService;
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

  @Option(
      names = "--no-wait",
      description = "Decide and return at once; another trunkbot process (serve) runs the rest.")
  boolean noWait;

  DecisionCommand(ServiceFactory services, boolean approve) {
    super(services);
    this.approve = approve;
  }

  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = {
        "Approves the DID assignment of a run, then follows the run until it settles.",
        "The requester cannot approve their own run unless TRUNKBOT_ALLOW_SELF_APPROVAL=true;",
        "with TRUNKBOT_APPROVERS set, only those listed (cli:NAME for command-line users) may.",
        "Exit codes: 0 the run succeeded (or, with --no-wait, approved), 1 refused or failed, 2 no such run."
      })
  public static final class Approve extends DecisionCommand {
    public Approve(ServiceFactory services) {
      super(services, true);
    }
  }

  @Command(
      name = "reject",
      mixinStandardHelpOptions = true,
      description = {
        "Rejects the DID assignment of a run: no DID is assigned and the run ends REJECTED.",
        "Exit codes: 0 rejected, 1 refused, 2 no such run."
      })
  public static final class Reject extends DecisionCommand {
    public Reject(ServiceFactory services) {
      super(services, false);
    }
  }

  @Override
  Role role() {
    return approve && !noWait ? Role.WORKER : Role.CLIENT;
  }

  @Override
  int run(TrunkService service) throws Exception {
    DecisionOutcome outcome =
        approve ? service.approve(runId, who(), reason) : service.reject(runId, who(), reason);
    if (outcome instanceof DecisionOutcome.NotAllowed n) {
      return refused(n.reason());
    } else if (outcome instanceof DecisionOutcome.AlreadyDecided d) {
      return refused(
          "already "
              + d.decision().toLowerCase(java.util.Locale.ROOT)
              + " by "
              + d.by()
              + " at "
              + d.at()
              + ": nothing changed");
    } else if (outcome instanceof DecisionOutcome.NotWaiting n) {
      return refused(n.reason());
    }
    progressOut().println((approve ? "approved" : "rejected") + " by " + who());
    progressOut().flush();
    if (role() == Role.CLIENT) {
      RunSummary run = ((DecisionOutcome.Decided) outcome).run();
      report(service, run, approve ? Exit.Wanted.SUCCESS : Exit.Wanted.REJECTED);
      return Exit.SUCCEEDED;
    }
    try (RunFollower follower = follower(service)) {
      return report(service, follower.follow(runId, timeout), Exit.Wanted.SUCCESS);
    }
  }

  private int refused(String why) {
    err().println(why);
    err().flush();
    return Exit.FAILED;
  }
}
