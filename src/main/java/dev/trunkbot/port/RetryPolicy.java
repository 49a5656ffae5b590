package dev.trunkbot.port;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How often one request to Twilio or PortSIP is tried and how long to wait in between: what the
 * vendor's {@code Retry-After} asked for (capped at {@code maxRetryAfter}), otherwise an
 * exponential backoff from {@code base} doubling up to {@code cap}, of which a random share
 * (between half and all) is waited. Waits go through a {@link Sleeper}, so tests record them
 * instead of sleeping. The one policy of both ports; {@link Retrier} applies it.
 *
 * @param maxAttempts tries of one request in all, 1 = no retry
 * @param jitter uniform in [0,1): 0 waits half the backoff, 1 all of it
 */
public record RetryPolicy(
    int maxAttempts,
    Duration base,
    Duration cap,
    Duration maxRetryAfter,
    Sleeper sleeper,
    DoubleSupplier jitter) {

  /** Waits between attempts. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (base.isNegative() || cap.compareTo(base) < 0 || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException(
          "need 0 <= base <= cap and maxRetryAfter >= 0, got base "
              + base
              + ", cap "
              + cap
              + ", maxRetryAfter "
              + maxRetryAfter);
    }
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(jitter, "jitter");
  }

  /**
   * 6 tries, 250 ms doubling up to 8 s, Retry-After honoured up to 60 s, real sleeps: one request
   * fails for good only after about 8 s of trying (or what the vendor asked for).
   */
  public static RetryPolicy standard() {
    return new RetryPolicy(
        6,
        Duration.ofMillis(250),
        Duration.ofSeconds(8),
        Duration.ofSeconds(60),
        Sleeper.REAL,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  public RetryPolicy withSleeper(Sleeper other) {
    return new RetryPolicy(maxAttempts, base, cap, maxRetryAfter, other, jitter);
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, base, cap, maxRetryAfter, sleeper, jitter);
  }

  public RetryPolicy withJitter(DoubleSupplier other) {
    return new RetryPolicy(maxAttempts, base, cap, maxRetryAfter, sleeper, other);
  }

  /** The same tries with other waits (tests and benchmarks use short ones). */
  public RetryPolicy withDelays(Duration newBase, Duration newCap, Duration newMaxRetryAfter) {
    return new RetryPolicy(maxAttempts, newBase, newCap, newMaxRetryAfter, sleeper, jitter);
  }

  /** Whether an HTTP status (0 = no answer at all) is worth trying again: 429, any 5xx, none. */
  public static boolean retryableStatus(int status) {
    return status == 0 || status == 429 || status >= 500;
  }

  /** The wait after failed attempt {@code attempt} (1 = the first try failed). */
  public Duration delay(int attempt, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent()) {
      Duration asked = retryAfter.get();
      return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    }
    long ceiling =
        Math.min(base.toMillis() << Math.min(Math.max(attempt - 1, 0), 20), cap.toMillis());
    double share = 0.5 + 0.5 * Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
    return Duration.ofMillis((long) (ceiling * share));
  }

  /**
   * A {@code Retry-After} header: delay-seconds or an HTTP date (RFC 1123); empty when it is
   * neither or negative.
   */
  public static Optional<Duration> parseRetryAfter(String value, Clock clock) {
    String v = value == null ? "" : value.strip();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }
}
