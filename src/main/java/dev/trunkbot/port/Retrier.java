package dev.trunkbot.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Applies the {@link RetryPolicy} to one request at a time, so a step fails only when one request
 * exhausted its tries. A read, update or delete is simply sent again. A create is never sent twice
 * blindly: its answer may have been lost after the vendor acted (no answer, a 5xx, a timeout), so
 * after such an outcome the resource is looked for again before any retry, and when found it is the
 * one this create made.
 */
public final class Retrier {
  /** How a port reads its own failures. */
  public interface Failures {
    /** True when trying again may help: 429, a 5xx, no answer. */
    boolean retryable(RuntimeException failure);

    /** The wait the vendor asked for, if it did. */
    Optional<Duration> retryAfter(RuntimeException failure);
  }

  /** Told before each wait (ports log it). */
  @FunctionalInterface
  public interface Listener {
    void retrying(String operation, int attempt, RuntimeException failure, Duration wait);
  }

  private final RetryPolicy policy;
  private final Failures failures;
  private final Listener listener;

  public Retrier(RetryPolicy policy, Failures failures, Listener listener) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.failures = Objects.requireNonNull(failures, "failures");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  public RetryPolicy policy() {
    return policy;
  }

  /** Sends a request that may be repeated as it is (a read, an update, a delete). */
  public <T> T request(String operation, Supplier<T> request) {
    for (int attempt = 1; ; attempt++) {
      try {
        return request.get();
      } catch (RuntimeException failure) {
        pauseOrThrow(operation, attempt, failure);
      }
    }
  }

  /**
   * Sends a create. After a retryable failure it waits, then calls {@code findAgain} (which makes
   * its own retried requests): a resource found then is the one this create made, and is returned;
   * otherwise the create is sent again. A refusal (4xx) is thrown at once.
   */
  public <T> T create(String operation, Supplier<T> create, Supplier<Optional<T>> findAgain) {
    for (int attempt = 1; ; attempt++) {
      try {
        return create.get();
      } catch (RuntimeException failure) {
        pauseOrThrow(operation, attempt, failure);
        Optional<T> made = findAgain.get();
        if (made.isPresent()) {
          return made.get();
        }
      }
    }
  }

  private void pauseOrThrow(String operation, int attempt, RuntimeException failure) {
    if (!failures.retryable(failure) || attempt >= policy.maxAttempts()) {
      throw failure;
    }
    Duration wait = policy.delay(attempt, failures.retryAfter(failure));
    listener.retrying(operation, attempt, failure, wait);
    try {
      policy.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }
}
