package dev.trunkbot.sandbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one entry point that starts the sandbox: embedded emulators of the services trunkbot talks
 * to, on loopback. {@code
 * Sandbox.builder().twilioPort(0).seedPhoneNumbers(dids).seedTenants(names).start()}; {@link
 * #close()} stops them all.
 */
public final class Sandbox implements AutoCloseable {
  private final TwilioEmulator twilio;
  private final PortSipEmulator portsip;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Sandbox(TwilioEmulator twilio, PortSipEmulator portsip) {
    this.twilio = twilio;
    this.portsip = portsip;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The Twilio emulator (trunking v1 and the 2010 API's SIP lists and numbers). */
  public TwilioEmulator twilio() {
    return twilio;
  }

  /** The PortSIP PBX emulator (auth, tenants, providers and their assignees). */
  public PortSipEmulator portsip() {
    return portsip;
  }

  /**
   * Stops every emulator; later calls do nothing (a Ctrl-C hook and the command may both close).
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      twilio.close();
      portsip.close();
    }
  }

  /** What to start, and on which ports (0 = any free port). */
  public static final class Builder {
    private int twilioPort;
    private TwilioEmulator.Account twilioAccount = TwilioEmulator.Account.sandbox();
    private final List<String> seedNumbers = new ArrayList<>();
    private int portsipPort;
    private PortSipEmulator.Credentials portsipAdmin = PortSipEmulator.Credentials.SANDBOX;
    private final List<String> seedTenants = new ArrayList<>();
    private java.net.InetAddress address = java.net.InetAddress.getLoopbackAddress();

    private Builder() {}

    /** Where the emulators listen (default loopback). */
    public Builder address(java.net.InetAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    public Builder portsipPort(int port) {
      this.portsipPort = checkPort("portsip port", port);
      return this;
    }

    /** The system administrator the PortSIP emulator accepts (default: the fixed sandbox admin). */
    public Builder portsipAdmin(PortSipEmulator.Credentials admin) {
      this.portsipAdmin = Objects.requireNonNull(admin, "admin");
      return this;
    }

    /** Tenants of the PBX, by name. */
    public Builder seedTenants(Collection<String> tenants) {
      this.seedTenants.addAll(tenants);
      return this;
    }

    public Builder twilioPort(int port) {
      this.twilioPort = checkPort("twilio port", port);
      return this;
    }

    /** The account the Twilio emulator accepts (default: the fixed sandbox account). */
    public Builder twilioAccount(TwilioEmulator.Account account) {
      this.twilioAccount = Objects.requireNonNull(account, "account");
      return this;
    }

    /** Purchased numbers of the Twilio account, E.164 or digits. */
    public Builder seedPhoneNumbers(Collection<String> numbers) {
      this.seedNumbers.addAll(numbers);
      return this;
    }

    /** Starts every emulator; if one fails to start, those already started are stopped. */
    public Sandbox start() throws IOException {
      TwilioEmulator twilio = TwilioEmulator.start(twilioPort, twilioAccount, address);
      try {
        twilio.seedPhoneNumbers(seedNumbers);
        return new Sandbox(
            twilio,
            PortSipEmulator.builder()
                .credentials(portsipAdmin)
                .seedTenants(List.copyOf(seedTenants))
                .address(address)
                .start(portsipPort));
      } catch (IOException | RuntimeException e) {
        twilio.close();
        throw e;
      }
    }

    private static int checkPort(String what, int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(
            what + " must be 0 (any free port) or 1-65535, got " + port);
      }
      return port;
    }
  }
}
