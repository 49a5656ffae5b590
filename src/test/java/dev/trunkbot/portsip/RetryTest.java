package dev.trunkbot.portsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trunkbot.testing.TestClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryTest {
  private final TestClock clock = TestClock.at("2026-11-28T12:00:00Z");

  @Test
  void retriesOnlyRateLimitsAndServerErrors() {
    assertThat(Retry.retryable(429)).isTrue();
    assertThat(Retry.retryable(503)).isTrue();
    assertThat(Retry.retryable(500)).isTrue();
    assertThat(Retry.retryable(400)).isFalse();
    assertThat(Retry.retryable(401)).isFalse();
    assertThat(Retry.retryable(404)).isFalse();
  }

  @Test
  void backsOffExponentiallyWithFullJitterUpToTheCap() {
    Retry r = Retry.DEFAULT;
    assertThat(r.delay(1, Optional.empty(), clock, () -> 0.999)).isLessThan(Duration.ofMillis(250));
    assertThat(r.delay(3, Optional.empty(), clock, () -> 0.5)).isEqualTo(Duration.ofMillis(500));
    assertThat(r.delay(30, Optional.empty(), clock, () -> 0.5)).isEqualTo(Duration.ofSeconds(4));
    assertThat(r.delay(2, Optional.empty(), clock, () -> 0.0)).isEqualTo(Duration.ZERO);
  }

  @Test
  void honoursRetryAfterInSecondsOrAsADateUpToItsLimit() {
    Retry r = Retry.DEFAULT;
    assertThat(r.delay(1, Optional.of("7"), clock, () -> 0.5)).isEqualTo(Duration.ofSeconds(7));
    assertThat(r.delay(1, Optional.of("Sat, 28 Nov 2026 12:00:30 GMT"), clock, () -> 0.5))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(r.delay(1, Optional.of("86400"), clock, () -> 0.5))
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(r.delay(1, Optional.of("soon"), clock, () -> 0.5)).isEqualTo(Duration.ofMillis(125));
  }
}
