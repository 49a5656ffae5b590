package dev.trunkbot.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final List<Duration> sleeps = new ArrayList<>();

  private RetryPolicy policy(double jitter) {
    return new RetryPolicy(
        5, Duration.ofMillis(100), Duration.ofSeconds(2), sleeps::add, () -> jitter);
  }

  private static TwilioFailure failure(int status, Optional<Duration> retryAfter) {
    return new TwilioFailure(
        "op",
        status == 0 ? 0 : 20000 + status,
        status,
        "m",
        "",
        TwilioFailure.isRetryableStatus(status),
        retryAfter,
        null);
  }

  @Test
  void backoffDoublesUpToTheCapWithJitterBetweenHalfAndAllOfTheStep() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                policy(0.0)
                    .run(
                        "op",
                        () -> {
                          calls.incrementAndGet();
                          throw failure(503, Optional.empty());
                        }))
        .isInstanceOf(TwilioFailure.class);
    assertThat(calls).hasValue(5);
    assertThat(sleeps)
        .containsExactly(
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(400));

    sleeps.clear();
    RetryPolicy full =
        new RetryPolicy(8, Duration.ofMillis(100), Duration.ofMillis(500), sleeps::add, () -> 1.0);
    assertThatThrownBy(
        () ->
            full.run(
                "op",
                () -> {
                  throw failure(500, Optional.empty());
                }));
    assertThat(sleeps)
        .containsExactly(
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(500),
            Duration.ofMillis(500),
            Duration.ofMillis(500),
            Duration.ofMillis(500));
  }

  @Test
  void retryAfterIsHonouredButCapped() {
    AtomicInteger calls = new AtomicInteger();
    String result =
        policy(0.5)
            .run(
                "op",
                () -> {
                  int n = calls.incrementAndGet();
                  if (n == 1) {
                    throw failure(429, Optional.of(Duration.ofSeconds(1)));
                  }
                  if (n == 2) {
                    throw failure(429, Optional.of(Duration.ofSeconds(60)));
                  }
                  return "done";
                });
    assertThat(result).isEqualTo("done");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void clientErrorsAreNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                policy(0.5)
                    .run(
                        "op",
                        () -> {
                          calls.incrementAndGet();
                          throw failure(400, Optional.empty());
                        }))
        .isInstanceOfSatisfying(TwilioFailure.class, f -> assertThat(f.retryable()).isFalse());
    assertThat(calls).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void retryableStatusesAre429And5xxAndNoAnswer() {
    assertThat(TwilioFailure.isRetryableStatus(429)).isTrue();
    assertThat(TwilioFailure.isRetryableStatus(500)).isTrue();
    assertThat(TwilioFailure.isRetryableStatus(503)).isTrue();
    assertThat(TwilioFailure.isRetryableStatus(0)).isTrue();
    assertThat(TwilioFailure.isRetryableStatus(400)).isFalse();
    assertThat(TwilioFailure.isRetryableStatus(401)).isFalse();
    assertThat(TwilioFailure.isRetryableStatus(404)).isFalse();
  }
}
