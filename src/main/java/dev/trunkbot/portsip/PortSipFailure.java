package dev.trunkbot.portsip;

import java.time.Duration;
import java.util.Optional;

/**
 * The PBX refused a request: its HTTP status and the first entry of its {@code {"errors":[...]}}
 * body. {@link #pbxMessage()} is the PBX's message verbatim; {@link #code()} is {@code UNKNOWN}
 * when the body had none.
 */
public final class PortSipFailure extends PortSipException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String pbxMessage;
  private final String operation;
  private final transient Duration retryAfter;

  public PortSipFailure(String operation, int status, String code, String pbxMessage) {
    this(operation, status, code, pbxMessage, Optional.empty(), "");
  }

  PortSipFailure(
      String operation,
      int status,
      String code,
      String pbxMessage,
      Optional<Duration> retryAfter,
      String hint) {
    super(
        Reason.PBX_ERROR,
        "PortSIP "
            + operation
            + " failed with HTTP "
            + status
            + " "
            + code
            + ": "
            + pbxMessage
            + (hint.isEmpty() ? "" : "; " + hint));
    this.status = status;
    this.code = code;
    this.pbxMessage = pbxMessage;
    this.operation = operation;
    this.retryAfter = retryAfter.orElse(null);
  }

  /** The wait the PBX asked for in {@code Retry-After}, when it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public int status() {
    return status;
  }

  /** e.g. {@code VALIDATE_FAILED}, {@code UNAUTHORIZED}; {@code UNKNOWN} when the PBX gave none. */
  public String code() {
    return code;
  }

  /** The PBX's own message, unchanged. */
  public String pbxMessage() {
    return pbxMessage;
  }

  /** Method and path, e.g. {@code POST /providers}. */
  public String operation() {
    return operation;
  }
}
