package dev.trunkbot.cli;

import dev.trunkbot.provisioning.Planner;
import dev.trunkbot.trunk.SipCredentials;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.Engine;
import dev.trunkbot.workflow.WorkflowListener;
import java.util.Optional;

/**
 * What the commands work with, wired by {@code app}: the engine with the guide registered, the
 * planner, and where Twilio and PortSIP are (the sandbox's emulators or the configured services).
 */
public interface Backend extends AutoCloseable {
  /** True when at least one side is an embedded emulator. */
  boolean sandbox();

  /**
   * One line for people: where Twilio and PortSIP are, e.g. "SANDBOX (embedded Twilio and PortSIP
   * emulators)".
   */
  String describe();

  Engine engine();

  Planner planner();

  /**
   * The credentials the run uses: the spec's password, or the one derived for this trunk from the
   * secret key.
   */
  SipCredentials credentials(TrunkSpec spec);

  /** Receives the engine's events until the backend closes. */
  void subscribe(WorkflowListener listener);

  /**
   * Auto-approval is allowed (always in the sandbox; elsewhere only with
   * TRUNKBOT_ALLOW_AUTO_APPROVE=true).
   */
  boolean autoApproveAllowed();

  @Override
  void close();

  /** Opens a backend; with a spec, the sandbox's emulators are seeded with its DIDs and tenants. */
  @FunctionalInterface
  interface Factory {
    Backend open(Optional<TrunkSpec> seed) throws Exception;
  }
}
