package dev.trunkbot.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events as they are stored, from the moment this process starts listening, to in-process
 * subscribers and waiters; nothing is consumed or marked. One thread reads the event table when
 * this process wrote an event (woken at once) or every poll interval (events of other processes).
 * Starts on first use, so a process that never listens never reads.
 */
final class LiveFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

  private record Subscriber(Optional<RunId> run, WorkflowListener listener) {}

  private final Jdbc jdbc;
  private final long pollMillis;
  private final ThreadFactory threads;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final Map<RunId, AtomicLong> seen = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private final Condition delivered = lock.newCondition();
  private boolean pending;
  private volatile boolean running;
  private Thread thread;
  private long cursor;

  LiveFeed(Jdbc jdbc, long pollMillis, ThreadFactory threads) {
    this.jdbc = jdbc;
    this.pollMillis = pollMillis;
    this.threads = threads;
  }

  Registration subscribe(Optional<RunId> run, WorkflowListener listener) {
    ensureStarted();
    Subscriber s = new Subscriber(run, listener);
    subscribers.add(s);
    return () -> subscribers.remove(s);
  }

  /** How many events of the run this feed has seen; compare before and after {@link #await}. */
  long seen(RunId run) {
    ensureStarted();
    return counter(run).get();
  }

  private AtomicLong counter(RunId run) {
    return seen.computeIfAbsent(run, r -> new AtomicLong());
  }

  /** Waits until an event of {@code run} beyond {@code seenBefore} arrived, or the time is up. */
  void await(RunId run, long seenBefore, long maxMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
    lock.lock();
    try {
      while (counter(run).get() == seenBefore && running) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        delivered.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** This process stored an event: read now rather than at the next poll. */
  void wake() {
    lock.lock();
    try {
      pending = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private synchronized void ensureStarted() {
    if (thread == null) {
      cursor = Events.lastId(jdbc);
      running = true;
      thread = threads.newThread(this::loop);
      thread.start();
    }
  }

  private void loop() {
    while (running) {
      try {
        List<Events.Stored> batch = Events.after(jdbc, cursor, 500);
        for (Events.Stored e : batch) {
          for (Subscriber s : subscribers) {
            if (s.run().isEmpty() || s.run().get().equals(e.event().runId())) {
              Events.deliver(s.listener(), e.event());
            }
          }
          counter(e.event().runId()).incrementAndGet();
          cursor = e.id();
        }
        signalDelivered();
        if (batch.isEmpty()) {
          idle();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (running) {
          LOG.warn("reading events failed, trying again: {}", e.getMessage());
          sleepQuietly();
        }
      }
    }
  }

  private void signalDelivered() {
    lock.lock();
    try {
      delivered.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void idle() throws InterruptedException {
    lock.lock();
    try {
      if (!pending && running) {
        wake.await(pollMillis, TimeUnit.MILLISECONDS);
      }
      pending = false;
    } finally {
      lock.unlock();
    }
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(pollMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    wake();
    signalDelivered();
    if (t != null) {
      try {
        t.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
