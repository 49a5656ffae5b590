package dev.trunkbot.cli;

import dev.trunkbot.service.ActionResult;
import dev.trunkbot.service.Role;
import dev.trunkbot.service.ServiceFactory;
import dev.trunkbot.service.TrunkService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code trunkbot cancel RUN_ID}: stops an active run where it stands. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = {
      "Stops a running or waiting run where it stands; what it made stays (rollback undoes it).",
      "Exit codes: 0 cancelled, 1 refused, 2 no such run."
    })
public final class CancelCommand extends RunCommand {
  @Parameters(
      index = "0",
      paramLabel = "RUN_ID",
      description = "The run (trunkbot list shows them).")
  String runId;

  public CancelCommand(ServiceFactory services) {
    super(services);
  }

  @Override
  Role role() {
    return Role.CLIENT;
  }

  @Override
  int run(TrunkService service) {
    ActionResult outcome = service.cancel(runId, who());
    if (outcome instanceof ActionResult.Refused r) {
      err().println("cancel refused: " + r.reason());
      err().flush();
      return Exit.FAILED;
    }
    return report(service, ((ActionResult.Accepted) outcome).run(), Exit.Wanted.CANCELLED);
  }
}
