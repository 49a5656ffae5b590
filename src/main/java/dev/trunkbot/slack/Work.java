package dev.trunkbot.slack;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second half of every handler: the work runs here, after Bolt's ack (Bolt for Java has no lazy
 * listeners), or, for a decision, before it within a bound ({@link #decide}). Work that reads
 * Twilio or PortSIP (a plan, a trunk's drift) has a pool of its own, so that it never holds up what
 * must happen within seconds (a form opened with a trigger that expires after 3 s, an answer to a
 * click). A task that throws is logged by its name, never shown to a user; closing takes no new
 * work and lets the work under way finish, within a bound.
 */
final class Work implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Work.class);

  /** How long an ack waits for a decision: a second of Slack's 3 s is left for it to travel. */
  static final Duration DECIDED_BEFORE_ACK = Duration.ofSeconds(2);

  private final ThreadPoolExecutor quick;
  private final ThreadPoolExecutor slow;

  Work(int threads) {
    quick = pool("trunkbot-slack-work-", threads, 1_000);
    slow = pool("trunkbot-slack-slow-", threads, 100);
  }

  private static ThreadPoolExecutor pool(String name, int threads, int queue) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queue),
            r -> {
              Thread t = new Thread(r, name + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Runs {@code task} soon; false when closing or too busy (the caller tells the user). */
  boolean submit(String what, Task task) {
    return run(quick, what, task);
  }

  /** Runs {@code task}, which reads Twilio or PortSIP, in the pool of slow work. */
  boolean slow(String what, Task task) {
    return run(slow, what, task);
  }

  /**
   * Runs {@code decision} in the pool, then hands what it returns (an answer for the person, or
   * null) to {@code answer}; the caller waits up to {@link #DECIDED_BEFORE_ACK} for the decision
   * alone, so that the ack follows a decision already stored: a replica that dies right after
   * acknowledging a click or a form has then lost nothing. Past that (a slow database) the caller
   * goes on and acks anyway, so Slack's 3 s hold. False when closing or too busy (the caller tells
   * the user).
   */
  boolean decide(String what, Callable<String> decision, Consumer<String> answer) {
    CountDownLatch decided = new CountDownLatch(1);
    boolean queued =
        run(
            quick,
            what,
            () -> {
              String text;
              try {
                text = decision.call();
              } finally {
                decided.countDown();
              }
              if (text != null) {
                answer.accept(text);
              }
            });
    try {
      if (queued && !decided.await(DECIDED_BEFORE_ACK.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("{} not decided within {}; acknowledged before it", what, DECIDED_BEFORE_ACK);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return queued;
  }

  private static boolean run(ThreadPoolExecutor pool, String what, Task task) {
    try {
      pool.execute(
          () -> {
            try {
              task.run();
            } catch (Exception | Error e) {
              LOG.warn("{} failed: {}", what, Failures.describe(e));
              LOG.debug("{} failed", what, e);
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      LOG.warn("{} refused: trunkbot is stopping or busy", what);
      return false;
    }
  }

  /** Takes no more work, then waits up to {@code bound} for the work under way. */
  void close(Duration bound) {
    quick.shutdown();
    slow.shutdown();
    long end = System.nanoTime() + bound.toNanos();
    try {
      for (ThreadPoolExecutor pool : new ThreadPoolExecutor[] {quick, slow}) {
        if (!pool.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          LOG.warn(
              "{} Slack tasks still running after {}; stopping them", pool.getActiveCount(), bound);
          pool.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      quick.shutdownNow();
      slow.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  /** A piece of work that may fail. */
  @FunctionalInterface
  interface Task {
    void run() throws Exception;
  }
}
