package dev.trunkbot.workflow;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often a step is tried and how long to wait between tries: exponential backoff with jitter.
 *
 * @param maxAttempts total attempts, 1 = no retry
 * @param initialBackoff wait before the second attempt
 * @param multiplier growth of the wait per attempt (>= 1)
 * @param maxBackoff cap of the wait
 * @param jitter fraction (0..1) of the wait that is randomised
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    double multiplier,
    Duration maxBackoff,
    double jitter) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0.2);
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, 0);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    }
    if (initialBackoff == null || initialBackoff.isNegative()) {
      throw new IllegalArgumentException("initialBackoff must be >= 0, got " + initialBackoff);
    }
    if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must be >= initialBackoff, got " + maxBackoff);
    }
    if (multiplier < 1.0) {
      throw new IllegalArgumentException("multiplier must be >= 1.0, got " + multiplier);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be within 0..1, got " + jitter);
    }
  }

  /**
   * {@code maxAttempts} tries, doubling from {@code initialBackoff}, capped at 30 s, 20% jitter.
   */
  public static RetryPolicy of(int maxAttempts, Duration initialBackoff) {
    Duration cap =
        initialBackoff.compareTo(Duration.ofSeconds(30)) > 0
            ? initialBackoff
            : Duration.ofSeconds(30);
    return new RetryPolicy(maxAttempts, initialBackoff, 2.0, cap, 0.2);
  }

  /** The wait after the given failed attempt (1-based). */
  public Duration backoffAfter(int attempt) {
    double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    double capped = Math.min(base, maxBackoff.toMillis());
    double spread = capped * jitter;
    double withJitter = capped - spread + ThreadLocalRandom.current().nextDouble() * spread * 2;
    return Duration.ofMillis(Math.max(0, Math.round(Math.min(withJitter, maxBackoff.toMillis()))));
  }
}
