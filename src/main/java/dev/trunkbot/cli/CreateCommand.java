package dev.trunkbot.cli;

import dev.trunkbot.provisioning.GuideWorkflow;
import dev.trunkbot.provisioning.RunInput;
import dev.trunkbot.trunk.SipCredentials;
import dev.trunkbot.workflow.RunId;
import dev.trunkbot.workflow.RunView;
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

  public CreateCommand(Backend.Factory backends) {
    super(backends);
  }

  @Override
  int run(Backend backend) throws Exception {
    if (autoApprove && !backend.autoApproveAllowed()) {
      err()
          .println(
              "--auto-approve: outside the sandbox it also needs TRUNKBOT_ALLOW_AUTO_APPROVE=true;"
                  + " nothing was started");
      err().flush();
      return RunReport.BAD_INPUT;
    }
    progressOut().println(backend.describe());
    progressOut().flush();
    SipCredentials credentials = backend.credentials(trunk);
    RunFollower follower = follower(backend);
    RunId id =
        backend
            .engine()
            .startRun(
                GuideWorkflow.NAME, RunInput.json(trunk), RunInput.secrets(credentials), who());
    progressOut().println("run " + id + ": " + trunk.name() + " (" + trunk.terminationHost() + ")");
    progressOut().flush();
    RunView run = follower.follow(id, autoApprove, timeout);
    return report(backend, run);
  }
}
