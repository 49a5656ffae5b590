package dev.trunkbot.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault injection for one emulator, set per endpoint (a route's name) or for all of them ({@link
 * #ALL}). Rules can be changed while the emulator serves; every setter returns the rule so calls
 * chain.
 */
public final class Faults {
  /** The endpoint name that applies a rule to every endpoint of the emulator. */
  public static final String ALL = "*";

  private final Map<String, Rule> rules = new ConcurrentHashMap<>();
  private final Random random;

  Faults(long seed) {
    this.random = new Random(seed);
  }

  /** The rule of one endpoint (created empty on first use). */
  public Rule on(String endpoint) {
    return rules.computeIfAbsent(endpoint, e -> new Rule());
  }

  /** The rule that applies to every endpoint. */
  public Rule onAll() {
    return on(ALL);
  }

  /** Removes every rule. */
  public void clear() {
    rules.clear();
  }

  /**
   * What to do with one request to {@code endpoint}: the delay, then answer normally, fail with a
   * status, or drop.
   */
  Decision decide(String endpoint) {
    Rule specific = rules.get(endpoint);
    Rule all = rules.get(ALL);
    long delay = 0;
    Decision.Action action = Decision.Action.ANSWER;
    int status = 0;
    for (Rule rule : new Rule[] {all, specific}) {
      if (rule == null) {
        continue;
      }
      long n = rule.calls.incrementAndGet();
      delay += rule.fixedMillis + (rule.jitterMillis > 0 ? nextLong(rule.jitterMillis + 1) : 0);
      if (action != Decision.Action.ANSWER) {
        continue;
      }
      if (rule.failNth > 0 && n == rule.failNth) {
        boolean after = rule.failNthAfterServing;
        if (rule.failNthStatus < 0) {
          action = after ? Decision.Action.SERVE_THEN_DROP : Decision.Action.DROP;
        } else {
          action = after ? Decision.Action.SERVE_THEN_FAIL : Decision.Action.FAIL;
          status = rule.failNthStatus;
        }
      } else if (rule.dropRate > 0 && nextDouble() < rule.dropRate) {
        action = Decision.Action.DROP;
      } else if (rule.errorRate > 0 && nextDouble() < rule.errorRate) {
        action = Decision.Action.FAIL;
        int[] statuses = rule.errorStatuses;
        status = statuses[(int) nextLong(statuses.length)];
      }
    }
    return new Decision(delay, action, status);
  }

  private long nextLong(long bound) {
    synchronized (random) {
      return (long) (random.nextDouble() * bound);
    }
  }

  private double nextDouble() {
    synchronized (random) {
      return random.nextDouble();
    }
  }

  record Decision(long delayMillis, Action action, int status) {
    enum Action {
      ANSWER,
      FAIL,
      DROP,
      /** The request is served (the emulator acts on it), then its answer is replaced. */
      SERVE_THEN_FAIL,
      /** The request is served, then the connection is closed without the answer. */
      SERVE_THEN_DROP
    }
  }

  /**
   * The faults of one endpoint. Fields are volatile: a test may change them while requests are
   * served.
   */
  public static final class Rule {
    private final AtomicLong calls = new AtomicLong();
    private volatile long fixedMillis;
    private volatile long jitterMillis;
    private volatile double errorRate;
    private volatile int[] errorStatuses = {503};
    private volatile double dropRate;
    private volatile long failNth;
    private volatile int failNthStatus;
    private volatile boolean failNthAfterServing;

    /**
     * Every request waits {@code fixed} plus a uniform random part of up to {@code jitter} before
     * it is answered.
     */
    public Rule latency(Duration fixed, Duration jitter) {
      if (fixed.isNegative() || jitter.isNegative()) {
        throw new IllegalArgumentException(
            "latency must not be negative: fixed=" + fixed + ", jitter=" + jitter);
      }
      this.fixedMillis = fixed.toMillis();
      this.jitterMillis = jitter.toMillis();
      return this;
    }

    /**
     * A share (0..1) of requests is answered with {@code status} (429 or 503) instead of being
     * served.
     */
    public Rule errorRate(double rate, int status) {
      return errorRate(rate, new int[] {status});
    }

    /**
     * A share (0..1) of requests is answered with one of {@code statuses} (each as likely) instead
     * of being served, e.g. 429 and 503.
     */
    public Rule errorRate(double rate, int... statuses) {
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException("error rate must be between 0 and 1, got " + rate);
      }
      if (statuses.length == 0) {
        throw new IllegalArgumentException("give at least one status to inject");
      }
      for (int status : statuses) {
        if (status != 429 && status != 500 && status != 502 && status != 503) {
          throw new IllegalArgumentException(
              "injected status must be 429, 500, 502 or 503, got " + status);
        }
      }
      this.errorStatuses = statuses.clone();
      this.errorRate = rate;
      return this;
    }

    /** A share (0..1) of requests has its connection closed without an answer. */
    public Rule dropRate(double rate) {
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException("drop rate must be between 0 and 1, got " + rate);
      }
      this.dropRate = rate;
      return this;
    }

    /**
     * The {@code n}th request from now (1 = the next one) is answered with {@code status} once; a
     * status of -1 drops that request's connection instead.
     */
    public Rule failNth(long n, int status) {
      return failNth(n, status, false);
    }

    /**
     * As {@link #failNth}, but the request is served first: the emulator acts on it (creates,
     * assigns), and then the answer is lost (-1: the connection closes without one) or replaced by
     * {@code status}. This is the vendor that acted although the client never learns it.
     */
    public Rule failNthAfterServing(long n, int status) {
      return failNth(n, status, true);
    }

    private Rule failNth(long n, int status, boolean afterServing) {
      if (n < 1) {
        throw new IllegalArgumentException("n counts from 1, got " + n);
      }
      this.failNthStatus = status;
      this.failNthAfterServing = afterServing;
      this.failNth = calls.get() + n;
      return this;
    }

    /** How many requests this rule has seen. */
    public long calls() {
      return calls.get();
    }
  }
}
