package dev.trunkbot.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trunkbot.testing.TestClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final TestClock clock = TestClock.at("2026-11-28T12:00:00Z");

  private static RetryPolicy policy(double jitter) {
    return new RetryPolicy(
        8,
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofSeconds(60),
        d -> {},
        () -> jitter);
  }

  @Test
  void retriesRateLimitsServerErrorsAndNoAnswerOnly() {
    assertThat(RetryPolicy.retryableStatus(429)).isTrue();
    assertThat(RetryPolicy.retryableStatus(500)).isTrue();
    assertThat(RetryPolicy.retryableStatus(503)).isTrue();
    assertThat(RetryPolicy.retryableStatus(0)).isTrue();
    assertThat(RetryPolicy.retryableStatus(400)).isFalse();
    assertThat(RetryPolicy.retryableStatus(401)).isFalse();
    assertThat(RetryPolicy.retryableStatus(404)).isFalse();
  }

  @Test
  void backoffDoublesUpToTheCapAndWaitsBetweenHalfAndAllOfIt() {
    RetryPolicy least = policy(0.0);
    assertThat(least.delay(1, Optional.empty())).isEqualTo(Duration.ofMillis(50));
    assertThat(least.delay(2, Optional.empty())).isEqualTo(Duration.ofMillis(100));
    assertThat(least.delay(3, Optional.empty())).isEqualTo(Duration.ofMillis(200));
    RetryPolicy most = policy(1.0);
    assertThat(most.delay(3, Optional.empty())).isEqualTo(Duration.ofMillis(400));
    assertThat(most.delay(4, Optional.empty())).isEqualTo(Duration.ofMillis(500));
    assertThat(most.delay(60, Optional.empty())).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void retryAfterWinsOverTheBackoffUpToItsLimit() {
    RetryPolicy p = policy(0.5);
    assertThat(p.delay(1, Optional.of(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
    assertThat(p.delay(1, Optional.of(Duration.ofDays(1)))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void readsRetryAfterInSecondsOrAsAnHttpDate() {
    assertThat(RetryPolicy.parseRetryAfter("7", clock)).contains(Duration.ofSeconds(7));
    assertThat(RetryPolicy.parseRetryAfter(" 0 ", clock)).contains(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("Sat, 28 Nov 2026 12:00:30 GMT", clock))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryPolicy.parseRetryAfter("Sat, 28 Nov 2026 11:00:00 GMT", clock))
        .contains(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("-3", clock)).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter("soon", clock)).isEmpty();
  }
}
