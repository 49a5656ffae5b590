package dev.trunkbot.twilio;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry policy of every Twilio call: a {@link TwilioFailure#retryable() retryable} failure
 * (429, 5xx, no answer) is retried up to {@code maxAttempts} in all, waiting what {@code
 * Retry-After} asked for when Twilio sent it (capped at {@code maxDelay}), otherwise an exponential
 * backoff from {@code baseDelay} with jitter (between half and all of the step). Other failures
 * (4xx) are thrown at once. Waits go through {@link Sleeper}, so tests can record them instead of
 * sleeping.
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    Sleeper sleeper,
    DoubleSupplier jitter) {
  private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);

  /** Waits between attempts. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= baseDelay <= maxDelay, got " + baseDelay + " and " + maxDelay);
    }
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(jitter, "jitter");
  }

  /** 5 attempts, 250 ms doubling up to 20 s, real sleeps. */
  public static RetryPolicy standard() {
    return new RetryPolicy(
        5,
        Duration.ofMillis(250),
        Duration.ofSeconds(20),
        d -> Thread.sleep(d.toMillis()),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * The same policy waiting through another sleeper (tests record the waits instead of sleeping).
   */
  public RetryPolicy withSleeper(Sleeper other) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, other, jitter);
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, baseDelay, maxDelay, sleeper, jitter);
  }

  /**
   * Runs {@code call}, retrying retryable failures. The call must be idempotent (find before
   * create).
   */
  public <T> T run(String operation, Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (TwilioFailure failure) {
        if (!failure.retryable() || attempt >= maxAttempts) {
          throw failure;
        }
        Duration wait = delayBefore(attempt + 1, failure);
        log.warn(
            "{}: attempt {}/{} failed ({}); retrying in {} ms",
            operation,
            attempt,
            maxAttempts,
            failure.getMessage(),
            wait.toMillis());
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw failure;
        }
      }
    }
  }

  /** The wait before attempt {@code next} (2 = first retry). */
  Duration delayBefore(int next, TwilioFailure failure) {
    if (failure.retryAfter().isPresent()) {
      Duration asked = failure.retryAfter().get();
      return asked.compareTo(maxDelay) > 0 ? maxDelay : asked;
    }
    long step = baseDelay.toMillis() << Math.min(next - 2, 20);
    long capped = Math.min(step, maxDelay.toMillis());
    double share = 0.5 + 0.5 * Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
    return Duration.ofMillis((long) (capped * share));
  }
}
