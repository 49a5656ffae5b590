package dev.trunkbot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of the tests: it stands still at a given instant ({@link #at}) or follows the
 * system clock ({@link #ticking}), and a test moves it forward by hand, so expiry, rate windows and
 * backoffs are tested without sleeping.
 */
public final class TestClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  private TestClock(Clock base) {
    this.base = base;
  }

  /** A clock that stands still at {@code instant} (ISO-8601) until advanced. */
  public static TestClock at(String instant) {
    return new TestClock(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  /** The system clock plus whatever the test advanced it by (for code that also really waits). */
  public static TestClock ticking() {
    return new TestClock(Clock.systemUTC());
  }

  public void advance(Duration d) {
    offset.updateAndGet(o -> o.plus(d));
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
