package dev.trunkbot.portsip;

import java.util.Objects;

/**
 * Something the PortSIP port could not do, with a reason a caller can act on and a message a person
 * can read.
 */
public sealed class PortSipException extends RuntimeException permits PortSipFailure {
  private static final long serialVersionUID = 1L;

  public enum Reason {
    /** The PBX answered with an error status (see {@link PortSipFailure}). */
    PBX_ERROR,
    /** The account has two-factor login on: a bot cannot answer the one-time code. */
    TWO_FACTOR_REQUIRED,
    /** A tenant name that the PBX does not know. */
    TENANT_NOT_FOUND,
    /** A trunk of that name exists with a brand or auth mode the PBX cannot change. */
    TRUNK_CONFLICT,
    /** The operation needs a system administrator login but the client is logged in to a tenant. */
    NOT_SYSTEM_ADMIN,
    /** The PBX could not be reached (no connection, no answer) even after retries. */
    UNREACHABLE,
    /** The PBX's TLS certificate is not trusted here (PORTSIP_CA_FILE) or names another host. */
    UNTRUSTED_CERTIFICATE,
    /** The thread was interrupted while calling the PBX (the process is stopping). */
    INTERRUPTED,
    /** The PBX answered something this client cannot read. */
    BAD_RESPONSE
  }

  private final Reason reason;

  public PortSipException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason);
  }

  public PortSipException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason);
  }

  public Reason reason() {
    return reason;
  }
}
