package dev.trunkbot.provisioning;

import dev.trunkbot.portsip.PortSipTrunks;
import dev.trunkbot.twilio.TwilioTrunking;
import java.util.Objects;

/**
 * The two sides the guide works on, and how the PBX's address becomes the IPv4 address of Twilio's
 * ACL. The same steps run against the real services, the sandbox and test fakes.
 */
public record Ports(TwilioTrunking twilio, PortSipTrunks portsip, PbxResolver resolver) {
  /** The resource names of the engine's concurrency limits. */
  public static final String TWILIO = "twilio";

  public static final String PORTSIP = "portsip";

  public Ports {
    Objects.requireNonNull(twilio, "twilio");
    Objects.requireNonNull(portsip, "portsip");
    Objects.requireNonNull(resolver, "resolver");
  }
}
