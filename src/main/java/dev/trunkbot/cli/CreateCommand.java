package dev.trunkbot.cli;

import dev.trunkbot.service.CreateOptions;
import dev.trunkbot.service.CreateOutcome;
import dev.trunkbot.service.Role;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.ServiceFactory;
import dev.trunkbot.service.TrunkService;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trunkbot create}: runs the whole guide for one trunk and shows each step as it happens.
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Provisions a trunk on Twilio and PortSIP, step by step as the guide does.",
      "Exit codes: 0 succeeded, 3 waiting for approval, 1 failed, 2 bad input (nothing started).",
      "With no Twilio or PortSIP account configured it runs in the SANDBOX (embedded emulators)."
    })
public final class CreateCommand extends SpecCommand {
  @Option(
      names = "--auto-approve",
      description =
          "Approve the DID assignment without waiting for an approver."
              + " Outside the sandbox it also needs TRUNKBOT_ALLOW_AUTO_APPROVE=true.")
  boolean autoApprove;

  public CreateCommand(ServiceFactory services) {
    super(services);
  }

  @Override
  Role role() {
    return Role.WORKER;
  }

  @Override
  int run(TrunkService service) throws Exception {
    progressOut().println(service.describe());
    progressOut().flush();
    try (RunFollower follower = follower(service)) {
      CreateOutcome outcome =
          service.create(trunk, who(), new CreateOptions(autoApprove, Map.of()));
      if (outcome instanceof CreateOutcome.Refused r) {
        return badInput(r.reason());
      }
      RunSummary started =
          outcome instanceof CreateOutcome.Started s
              ? s.run()
              : ((CreateOutcome.AlreadyStarted) outcome).run();
      progressOut()
          .println(
              (outcome instanceof CreateOutcome.AlreadyStarted
                      ? "you already started this very spec: following run "
                      : "run ")
                  + started.id()
                  + ": "
                  + trunk.name()
                  + " ("
                  + trunk.terminationHost()
                  + ")");
      progressOut().flush();
      RunSummary run = follower.follow(started.id(), timeout);
      return report(service, run, Exit.Wanted.SUCCESS);
    }
  }
}
