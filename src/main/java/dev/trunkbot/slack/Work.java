package dev.trunkbot.slack;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slow half of every handler: Bolt acknowledges first, then the work runs here (Bolt for Java
 * has no lazy listeners). A task that throws is logged by its name, never shown to a user; closing
 * takes no new work and lets the work under way finish, within a bound.
 */
final class Work implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Work.class);
  private final ThreadPoolExecutor pool;

  Work(int threads) {
    AtomicInteger n = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000),
            r -> {
              Thread t = new Thread(r, "trunkbot-slack-work-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  /** Runs {@code task} soon; false when closing or too busy (the caller tells the user). */
  boolean submit(String what, Task task) {
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
    pool.shutdown();
    try {
      if (!pool.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "{} Slack tasks still running after {}; stopping them", pool.getActiveCount(), bound);
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
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
