package dev.trunkbot.portsip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a request again: on 429 and 5xx only, up to {@code maxAttempts} in all, waiting an
 * exponentially growing, fully jittered delay (base * 2^n, capped) or what the PBX's {@code
 * Retry-After} says.
 */
public record Retry(int maxAttempts, Duration base, Duration cap, Duration maxRetryAfter) {
  /** 4 attempts, 250 ms growing to at most 8 s, Retry-After honoured up to 60 s. */
  public static final Retry DEFAULT =
      new Retry(4, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60));

  public Retry {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (base.isNegative() || cap.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("retry delays must not be negative");
    }
  }

  /**
   * Waits between attempts. Tests pass one that records (or advances a clock) instead of sleeping.
   */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }

  static boolean retryable(int status) {
    return status == 429 || status >= 500;
  }

  /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
  Duration delay(int attempt, Optional<String> retryAfter, Clock clock, DoubleSupplier random) {
    Optional<Duration> asked = retryAfter.flatMap(v -> parseRetryAfter(v, clock));
    if (asked.isPresent()) {
      return asked.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked.get();
    }
    long ceiling = base.toMillis() << Math.min(attempt - 1, 20);
    ceiling = Math.min(ceiling, cap.toMillis());
    return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
  }

  static Optional<Duration> parseRetryAfter(String value, Clock clock) {
    String v = value.strip();
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
