package dev.trunkbot.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {
  /** A vendor failure with an HTTP status (0 = no answer) and maybe a Retry-After. */
  static final class Failure extends RuntimeException {
    final int status;
    final Optional<Duration> retryAfter;

    Failure(int status, Optional<Duration> retryAfter) {
      super("HTTP " + status);
      this.status = status;
      this.retryAfter = retryAfter;
    }
  }

  private final List<Duration> sleeps = new ArrayList<>();
  private final List<String> log = new ArrayList<>();
  private final Retrier retrier =
      new Retrier(
          new RetryPolicy(
              4,
              Duration.ofMillis(100),
              Duration.ofSeconds(2),
              Duration.ofSeconds(5),
              sleeps::add,
              () -> 0.0),
          new Retrier.Failures() {
            @Override
            public boolean retryable(RuntimeException f) {
              return f instanceof Failure x && RetryPolicy.retryableStatus(x.status);
            }

            @Override
            public Optional<Duration> retryAfter(RuntimeException f) {
              return f instanceof Failure x ? x.retryAfter : Optional.empty();
            }
          },
          (op, attempt, failure, wait) -> log.add(op + " " + attempt));

  @Test
  void aRequestIsTriedAgainUntilItsTriesAreSpent() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                retrier.request(
                    "list",
                    () -> {
                      calls.incrementAndGet();
                      throw new Failure(503, Optional.empty());
                    }))
        .isInstanceOf(Failure.class);
    assertThat(calls).hasValue(4);
    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(log).containsExactly("list 1", "list 2", "list 3");
  }

  @Test
  void aRequestWaitsWhatRetryAfterAsksForCapped() {
    AtomicInteger calls = new AtomicInteger();
    String result =
        retrier.request(
            "list",
            () -> {
              int n = calls.incrementAndGet();
              if (n < 3) {
                throw new Failure(429, Optional.of(Duration.ofSeconds(n == 1 ? 1 : 60)));
              }
              return "ok";
            });
    assertThat(result).isEqualTo("ok");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5));
  }

  @Test
  void aRefusalIsThrownAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                retrier.request(
                    "create",
                    () -> {
                      calls.incrementAndGet();
                      throw new Failure(400, Optional.empty());
                    }))
        .isInstanceOf(Failure.class);
    assertThat(calls).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aCreateWhoseAnswerWasLostIsFoundAgainNotSentTwice() {
    List<String> made = new ArrayList<>();
    AtomicInteger creates = new AtomicInteger();
    String sid =
        retrier.create(
            "create trunk",
            () -> {
              creates.incrementAndGet();
              made.add("TK1"); // the vendor acted...
              throw new Failure(503, Optional.empty()); // ...and the answer was lost
            },
            () -> made.stream().findFirst());
    assertThat(sid).isEqualTo("TK1");
    assertThat(creates).hasValue(1);
    assertThat(made).containsExactly("TK1");
  }

  @Test
  void aCreateThatDidNotLandIsSentAgainAfterLookingForIt() {
    AtomicInteger creates = new AtomicInteger();
    AtomicInteger looks = new AtomicInteger();
    String sid =
        retrier.create(
            "create trunk",
            () -> {
              if (creates.incrementAndGet() == 1) {
                throw new Failure(0, Optional.empty()); // no answer, nothing made
              }
              return "TK2";
            },
            () -> {
              looks.incrementAndGet();
              return Optional.empty();
            });
    assertThat(sid).isEqualTo("TK2");
    assertThat(creates).hasValue(2);
    assertThat(looks).hasValue(1);
  }

  @Test
  void aRefusedCreateIsNeitherLookedForNorSentAgain() {
    AtomicInteger looks = new AtomicInteger();
    assertThatThrownBy(
            () ->
                retrier.create(
                    "create trunk",
                    () -> {
                      throw new Failure(400, Optional.empty());
                    },
                    () -> {
                      looks.incrementAndGet();
                      return Optional.empty();
                    }))
        .isInstanceOf(Failure.class);
    assertThat(looks).hasValue(0);
  }

  @Test
  void anInterruptedWaitEndsTheRequestAndKeepsTheInterrupt() {
    Retrier interrupted =
        new Retrier(
            retrier
                .policy()
                .withSleeper(
                    d -> {
                      throw new InterruptedException();
                    }),
            new Retrier.Failures() {
              @Override
              public boolean retryable(RuntimeException f) {
                return true;
              }

              @Override
              public Optional<Duration> retryAfter(RuntimeException f) {
                return Optional.empty();
              }
            },
            (op, attempt, failure, wait) -> {});
    try {
      assertThatThrownBy(
              () ->
                  interrupted.request(
                      "list",
                      () -> {
                        throw new Failure(503, Optional.empty());
                      }))
          .isInstanceOf(Failure.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
