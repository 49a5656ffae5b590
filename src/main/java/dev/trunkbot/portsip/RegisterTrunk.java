package dev.trunkbot.portsip;

import java.util.Objects;
import java.util.Optional;

/**
 * The Register Based Trunk the guide asks for (step 8), as the PortSIP port takes it.
 *
 * @param name trunk name on the PBX (1-64 characters); the trunk is found by it
 * @param hostname the Twilio termination URI host, e.g. {@code portsip-pbx.pstn.twilio.com}
 * @param transport SIP transport; {@code port} is usually {@link Transport#defaultPort()}
 * @param port SIP port of the hostname (also used as the outbound server port)
 * @param username the Twilio credential list's username (sent as both {@code auth_id} and {@code
 *     username})
 * @param password the credential's password; never shown by {@link #toString()}
 * @param concurrency Max Concurrent Calls of the trunk
 * @param didNumbers tenant-admin level only: the trunk's own DID pool; empty at system-admin level
 * @param passwordChanged true when the caller knows the password is new (the Twilio credential was
 *     just created or rotated): an existing trunk then gets it even when every readable field
 *     already matches. The PBX never returns passwords, so without this flag the password is sent
 *     only when some other field had to be corrected anyway.
 */
public record RegisterTrunk(
    String name,
    String hostname,
    Transport transport,
    int port,
    String username,
    String password,
    int concurrency,
    Optional<String> didNumbers,
    boolean passwordChanged) {
  public static final String BRAND = "Twilio";
  public static final String AUTH_MODE = "REGISTER_AUTH";

  public RegisterTrunk {
    requireText(name, "name", 64);
    requireText(hostname, "hostname", 255);
    Objects.requireNonNull(transport, "transport");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "port must be 1-65535 (5060 for UDP/TCP, 5061 for TLS), got " + port);
    }
    requireText(username, "username", 64);
    requireText(password, "password", 1024);
    if (concurrency < 0) {
      throw new IllegalArgumentException(
          "concurrency (Max Concurrent Calls) must be 0 or more, got " + concurrency);
    }
    Objects.requireNonNull(didNumbers, "didNumbers");
    didNumbers.ifPresent(d -> requireText(d, "didNumbers", 4096));
  }

  /**
   * A system-admin level trunk on the transport's usual port, password sent only when something
   * else differs.
   */
  public static RegisterTrunk of(
      String name,
      String hostname,
      Transport transport,
      String username,
      String password,
      int concurrency) {
    return new RegisterTrunk(
        name,
        hostname,
        transport,
        transport.defaultPort(),
        username,
        password,
        concurrency,
        Optional.empty(),
        false);
  }

  /** The same trunk as a tenant-admin level trunk with its own DID pool. */
  public RegisterTrunk withDidNumbers(String pool) {
    return new RegisterTrunk(
        name,
        hostname,
        transport,
        port,
        username,
        password,
        concurrency,
        Optional.of(pool),
        passwordChanged);
  }

  /** The same trunk, marked as carrying a password the PBX does not have yet. */
  public RegisterTrunk withPasswordChanged(boolean changed) {
    return new RegisterTrunk(
        name, hostname, transport, port, username, password, concurrency, didNumbers, changed);
  }

  @Override
  public String toString() {
    return "RegisterTrunk[name="
        + name
        + ", hostname="
        + hostname
        + ", transport="
        + transport
        + ", port="
        + port
        + ", username="
        + username
        + ", password=****, concurrency="
        + concurrency
        + ", didNumbers="
        + didNumbers.orElse("-")
        + ", passwordChanged="
        + passwordChanged
        + "]";
  }

  private static void requireText(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(
          field + " must be at most " + max + " characters, got " + value.length());
    }
  }
}
