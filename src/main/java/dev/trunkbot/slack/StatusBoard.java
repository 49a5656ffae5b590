package dev.trunkbot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.Subscription;
import dev.trunkbot.service.TrunkService;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every Slack-started run's status message and thread up to date. It consumes the service's
 * durable event feed as {@value #CONSUMER} (one process at a time; a restarted one resumes after
 * its last event), treats an event only as "this run changed", and redraws from the run's whole
 * summary: coalesced to at most one edit per {@code minInterval} per message, paused for Slack's
 * Retry-After, and always once more after the last change, so the last edit shows the final state.
 * Of several replicas only the one holding the consumer edits (checked before every redraw), so no
 * message is ever edited by two at once; the one that takes over redraws what may be stale.
 */
final class StatusBoard implements AutoCloseable {
  static final String CONSUMER = "slack-status";
  private static final Logger LOG = LoggerFactory.getLogger(StatusBoard.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final Duration CATCH_UP = Duration.ofHours(1);
  private static final Duration SETTLED = Duration.ofSeconds(30);

  private final TrunkService service;
  private final RunThread thread;
  private final long minIntervalNanos;
  private final ScheduledThreadPoolExecutor timer;
  private final Cache<String, Entry> entries =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(30)).build();
  private volatile long pausedUntil = System.nanoTime();
  private volatile Subscription subscription;
  private volatile ScheduledFuture<?> watch;
  private volatile boolean wasActive;

  StatusBoard(TrunkService service, Poster poster, Duration minInterval) {
    this.service = service;
    this.thread = new RunThread(service, poster);
    this.minIntervalNanos = minInterval.toNanos();
    this.timer =
        new ScheduledThreadPoolExecutor(
            2,
            r -> {
              Thread t = new Thread(r, "trunkbot-slack-status");
              t.setDaemon(true);
              return t;
            });
  }

  void start() {
    subscription = service.consume(CONSUMER, event -> changed(event.runId()));
    watch = timer.scheduleWithFixedDelay(this::watchLease, 0, 1, TimeUnit.SECONDS);
  }

  /**
   * Of several replicas, only the one that holds the consumer edits messages. When this process
   * takes it (at start, or from a replica that stopped or died), the runs whose last change it may
   * not have drawn are redrawn: the other one may have taken events without drawing them, and on a
   * new database, events before the consumer's first cursor are never delivered.
   */
  private void watchLease() {
    boolean active = mayEdit();
    if (active && !wasActive) {
      catchUp();
    }
    wasActive = active;
  }

  private boolean mayEdit() {
    Subscription s = subscription;
    return s != null && s.active();
  }

  private void catchUp() {
    entries.asMap().values().forEach(e -> e.drawn = 0);
    try {
      java.time.Instant recent = java.time.Instant.now().minus(CATCH_UP);
      for (RunSummary run : service.list(100)) {
        java.util.Map<String, String> notes = run.notes();
        if (notes.containsKey(FormSubmission.CHANNEL_NOTE)
            && (!notes.containsKey(RunThread.TS)
                || !run.state().finished()
                || run.updatedAt().isAfter(recent)
                || editedBefore(notes.get(RunThread.EDITED), run.updatedAt()))) {
          changed(run.id());
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("could not look for status messages to redraw: {}", Failures.describe(e));
    }
  }

  private static boolean editedBefore(String edited, java.time.Instant change) {
    try {
      return edited == null || Long.parseLong(edited) < change.toEpochMilli();
    } catch (NumberFormatException bad) {
      return true;
    }
  }

  /** Run {@code runId} changed: redraw it as soon as its message may be edited. */
  void changed(String runId) {
    Entry e = entries.get(runId, id -> new Entry());
    if (e.notOurs) {
      return;
    }
    synchronized (e) {
      e.dirty = true;
      if (e.scheduled || e.running) {
        return;
      }
      e.scheduled = true;
    }
    schedule(runId, e);
  }

  private void schedule(String runId, Entry e) {
    long now = System.nanoTime();
    long at = later(now, pausedUntil);
    if (e.edited) {
      at = later(at, e.lastEdit + minIntervalNanos);
    }
    if (e.failures > 0) {
      at = later(at, e.retryAt);
    }
    long delay = at - now;
    try {
      timer.schedule(() -> flush(runId, e), delay, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopping) {
      synchronized (e) {
        e.scheduled = false;
      }
    }
  }

  /**
   * The later of two {@link System#nanoTime()} readings (which may wrap, so compared by
   * difference).
   */
  private static long later(long a, long b) {
    return b - a > 0 ? b : a;
  }

  private void flush(String runId, Entry e) {
    synchronized (e) {
      e.scheduled = false;
      e.running = true;
      e.dirty = false;
    }
    try {
      if (!mayEdit()) {
        return; // another replica holds the board now; it redraws what this one did not
      }
      RunSummary run = service.run(runId);
      if (!e.edited && editedMomentsAgo(run, e)) {
        e.dirty = true;
        return;
      }
      RunThread.Edit edit = thread.sync(run, e.drawn, h -> e.drawn = h);
      // The service notes a run's channel just after starting it: a run seen without one in its
      // first moments may still turn out to be ours.
      e.notOurs =
          edit == RunThread.Edit.NOT_OURS
              && run.createdAt().isBefore(java.time.Instant.now().minus(SETTLED));
      if (edit == RunThread.Edit.POSTED || edit == RunThread.Edit.EDITED) {
        e.lastEdit = System.nanoTime();
        e.edited = true;
      }
      e.failures = 0;
    } catch (Poster.RateLimited limited) {
      LOG.info("Slack asked to wait {} s before editing again", limited.retryAfter.toSeconds());
      pausedUntil = later(pausedUntil, System.nanoTime() + limited.retryAfter.toNanos());
      e.dirty = true;
    } catch (Exception | Error failure) {
      e.failures++;
      long backoff =
          Math.min(
              MAX_BACKOFF.toNanos(), Duration.ofMillis(250).toNanos() << Math.min(e.failures, 6));
      e.retryAt = System.nanoTime() + backoff;
      e.dirty = true;
      LOG.warn(
          "could not update the Slack status of run {}: {}", runId, Failures.describe(failure));
    } finally {
      boolean again;
      synchronized (e) {
        e.running = false;
        again = e.dirty && !e.scheduled;
        e.scheduled |= again;
      }
      if (again) {
        schedule(runId, e);
      }
    }
  }

  /**
   * True when another process (before a restart, or another replica) edited the message less than
   * the interval ago: then this one waits out the rest.
   */
  private boolean editedMomentsAgo(RunSummary run, Entry e) {
    String at = run.notes().get(RunThread.EDITED);
    long ago;
    try {
      ago = at == null ? Long.MAX_VALUE : System.currentTimeMillis() - Long.parseLong(at);
    } catch (NumberFormatException bad) {
      return false;
    }
    e.lastEdit =
        System.nanoTime() - Duration.ofMillis(Math.max(0, Math.min(ago, 60_000))).toNanos();
    e.edited = true;
    return ago >= 0 && ago < minIntervalNanos / 1_000_000;
  }

  /**
   * Takes no new redraws, lets those already due finish within {@code bound} (so the last edit is
   * final) while still holding the consumer, then stops consuming: another replica takes over only
   * once this one has stopped editing.
   */
  void close(Duration bound) {
    ScheduledFuture<?> w = watch;
    if (w != null) {
      w.cancel(false);
    }
    timer.shutdown();
    try {
      if (!timer.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "status messages not redrawn within {}: they catch up after the next start", bound);
        timer.shutdownNow();
      }
    } catch (InterruptedException ie) {
      timer.shutdownNow();
      Thread.currentThread().interrupt();
    }
    Subscription s = subscription;
    if (s != null) {
      s.close();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  /** One run's message: when it was last edited, and whether a redraw is due or under way. */
  private static final class Entry {
    volatile boolean edited;

    /** Started elsewhere (the command line) or unpostable: nothing to draw. */
    volatile boolean notOurs;

    volatile long lastEdit;
    volatile long retryAt;
    volatile int drawn;
    volatile int failures;
    boolean dirty;
    boolean scheduled;
    boolean running;
  }
}
