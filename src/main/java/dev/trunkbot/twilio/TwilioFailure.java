package dev.trunkbot.twilio;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A Twilio call that failed, typed: Twilio's error {@code code} (0 when there was none), the HTTP
 * {@code status} (0 when the connection itself failed), Twilio's message and more_info link, and
 * whether retrying may help (429, 5xx and transport failures). Never carries a secret: messages
 * come from Twilio or from this package.
 */
public final class TwilioFailure extends RuntimeException {
  private final String operation;
  private final int code;
  private final int status;
  private final String twilioMessage;
  private final String moreInfo;
  private final boolean retryable;
  private final Duration retryAfter;

  public TwilioFailure(
      String operation,
      int code,
      int status,
      String twilioMessage,
      String moreInfo,
      boolean retryable,
      Optional<Duration> retryAfter,
      Throwable cause) {
    super(describe(operation, code, status, twilioMessage, moreInfo), cause);
    this.operation = Objects.requireNonNull(operation, "operation");
    this.code = code;
    this.status = status;
    this.twilioMessage = Objects.requireNonNullElse(twilioMessage, "");
    this.moreInfo = Objects.requireNonNullElse(moreInfo, "");
    this.retryable = retryable;
    this.retryAfter = retryAfter.orElse(null);
  }

  /** Whether a status (0 = no answer) is worth retrying: 429, any 5xx, or a failed connection. */
  public static boolean isRetryableStatus(int status) {
    return dev.trunkbot.port.RetryPolicy.retryableStatus(status);
  }

  /** The port operation that failed, e.g. {@code ensureTrunk}. */
  public String operation() {
    return operation;
  }

  /** Twilio's error code, e.g. 21248; 0 when the answer had none. */
  public int code() {
    return code;
  }

  /** The HTTP status, e.g. 400; 0 when no answer arrived. */
  public int status() {
    return status;
  }

  /** Twilio's own message, without the decoration of {@link #getMessage()}. */
  public String twilioMessage() {
    return twilioMessage;
  }

  /** Twilio's link to the error's documentation, or "" when none was given. */
  public String moreInfo() {
    return moreInfo;
  }

  public boolean retryable() {
    return retryable;
  }

  /** The wait Twilio asked for in {@code Retry-After}, when it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  private static String describe(
      String operation, int code, int status, String message, String moreInfo) {
    StringBuilder s = new StringBuilder(operation).append(" failed: ");
    s.append(status == 0 ? "no answer from Twilio" : "HTTP " + status);
    if (code != 0) {
      s.append(", Twilio error ").append(code);
    }
    if (message != null && !message.isBlank()) {
      s.append(": ").append(message);
    }
    if (moreInfo != null && !moreInfo.isBlank()) {
      s.append(" (").append(moreInfo).append(')');
    }
    return s.toString();
  }
}
