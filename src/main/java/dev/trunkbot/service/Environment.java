package dev.trunkbot.service;

import dev.trunkbot.trunk.SipCredentials;
import dev.trunkbot.trunk.TrunkSpec;

/** Where the service's Twilio and PortSIP are, as {@code app} wired them. */
public interface Environment {
  /** True when Twilio or PortSIP is the embedded emulator. */
  boolean sandbox();

  /** One line for people: where Twilio and PortSIP are. */
  String describe();

  /**
   * Readies both sides for a spec before it is planned or run: in the sandbox the emulators learn
   * its DIDs (as purchased numbers) and tenants; elsewhere nothing.
   */
  void prepare(TrunkSpec spec);

  /** The SIP credentials of a spec: its own password, or one derived for its trunk. */
  SipCredentials credentials(TrunkSpec spec);
}
