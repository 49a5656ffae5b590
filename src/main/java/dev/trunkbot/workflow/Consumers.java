package dev.trunkbot.workflow;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable event consumers: each name has one cursor in {@code wf_consumer} (the last event id it
 * handled) and a lease, so that of several processes consuming under one name only the leaseholder
 * delivers, a process that restarts resumes after its last event, and a dead process's lease runs
 * out and another takes over. At least once: an event handled just before a crash may come again
 * ({@link WorkflowEvent#id()} tells).
 */
final class Consumers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Consumers.class);

  private final Jdbc jdbc;
  private final Clock clock;
  private final String owner;
  private final long pollMillis;
  private final long leaseMillis;
  private final ThreadFactory threads;
  private final Map<String, Loop> loops = new ConcurrentHashMap<>();

  Consumers(
      Jdbc jdbc,
      Clock clock,
      String owner,
      long pollMillis,
      long leaseMillis,
      ThreadFactory threads) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.owner = owner;
    this.pollMillis = pollMillis;
    this.leaseMillis = leaseMillis;
    this.threads = threads;
  }

  Registration consume(String name, WorkflowListener listener) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("consumer name must be 1-100 characters, got " + name);
    }
    Loop loop = new Loop(name, listener);
    if (loops.putIfAbsent(name, loop) != null) {
      throw new IllegalStateException("consumer '" + name + "' is already registered here");
    }
    // The cursor exists before this returns, so a consumer that is new to the database receives
    // every event stored from now on (its thread might otherwise make it after the next events).
    try {
      loop.createCursor(clock.millis());
    } catch (RuntimeException e) {
      LOG.debug("consumer {}: its cursor is made by its thread instead: {}", name, e.getMessage());
    }
    Thread t = threads.newThread(loop);
    loop.thread = t;
    t.start();
    return new Registration() {
      @Override
      public void close() {
        stop(name);
      }

      @Override
      public boolean active() {
        return loop.holding();
      }
    };
  }

  /** Something was stored: look now. */
  void wake() {
    loops.values().forEach(Loop::wake);
  }

  private void stop(String name) {
    Loop loop = loops.remove(name);
    if (loop != null) {
      loop.stop();
    }
  }

  @Override
  public void close() {
    List.copyOf(loops.keySet()).forEach(this::stop);
  }

  /** The lowest cursor of the consumers seen within {@code sinceMillis}, or empty when none. */
  static java.util.Optional<Long> lowestCursor(Jdbc jdbc, long sinceMillis) {
    List<Long> rows =
        jdbc.query(
            "SELECT MIN(last_event_id) FROM wf_consumer WHERE lease_until >= ?",
            rs -> {
              long v = rs.getLong(1);
              return rs.wasNull() ? null : v;
            },
            sinceMillis);
    return rows.isEmpty() || rows.get(0) == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(rows.get(0));
  }

  private final class Loop implements Runnable {
    private final String name;
    private final WorkflowListener listener;
    private final Object signal = new Object();
    private volatile boolean running = true;
    private boolean pending;
    private volatile long leaseUntil;
    private Thread thread;

    Loop(String name, WorkflowListener listener) {
      this.name = name;
      this.listener = listener;
    }

    @Override
    public void run() {
      while (running) {
        try {
          if (!holdLease()) {
            pause(Math.max(pollMillis, leaseMillis / 4));
            continue;
          }
          if (deliverBatch() == 0) {
            pause(pollMillis);
          }
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          if (running) {
            LOG.warn("consumer {}: {}; trying again", name, e.getMessage());
            leaseUntil = 0;
            try {
              pause(pollMillis * 5);
            } catch (InterruptedException ie) {
              return;
            }
          }
        }
      }
    }

    /**
     * Holds the lease with at least a quarter of it left: work begun now ends before another
     * process can take over (the lease is renewed when half of it is left).
     */
    boolean holding() {
      return running && leaseUntil - clock.millis() > leaseMillis / 4;
    }

    private boolean holdLease() {
      long now = clock.millis();
      if (leaseUntil - now > leaseMillis / 2) {
        return true;
      }
      int taken =
          jdbc.inTx(
              c ->
                  Jdbc.update(
                      c,
                      "UPDATE wf_consumer SET owner = ?, lease_until = ? WHERE name = ? AND"
                          + " (owner = ? OR lease_until < ?)",
                      owner,
                      now + leaseMillis,
                      name,
                      owner,
                      now));
      if (taken == 0 && !exists()) {
        try {
          jdbc.inTx(
              c ->
                  Jdbc.update(
                      c,
                      "INSERT INTO wf_consumer (name, last_event_id, owner, lease_until)"
                          + " VALUES (?, (SELECT last_id FROM wf_event_seq WHERE id = 1), ?, ?)",
                      name,
                      owner,
                      now + leaseMillis));
          taken = 1;
        } catch (IllegalStateException raced) {
          taken = 0; // another process created it first; try for the lease next time
        }
      }
      leaseUntil = taken == 1 ? now + leaseMillis : 0;
      return taken == 1;
    }

    /** Makes the consumer's cursor at the newest event, unless it exists; taken by nobody yet. */
    void createCursor(long now) {
      if (exists()) {
        return;
      }
      try {
        jdbc.inTx(
            c ->
                Jdbc.update(
                    c,
                    "INSERT INTO wf_consumer (name, last_event_id, owner, lease_until)"
                        + " VALUES (?, (SELECT last_id FROM wf_event_seq WHERE id = 1), NULL, ?)",
                    name,
                    now - 1));
      } catch (IllegalStateException raced) {
        LOG.debug("consumer {}: another process made its cursor first", name);
      }
    }

    private boolean exists() {
      return !jdbc.query("SELECT name FROM wf_consumer WHERE name = ?", rs -> 1, name).isEmpty();
    }

    private int deliverBatch() {
      long cursor =
          jdbc.query(
                  "SELECT last_event_id FROM wf_consumer WHERE name = ?", rs -> rs.getLong(1), name)
              .get(0);
      List<Events.Stored> batch = Events.after(jdbc, cursor, 200);
      for (Events.Stored e : batch) {
        if (!running) {
          break;
        }
        Events.deliver(listener, e.event());
        if (!advance(e.id())) {
          LOG.info("consumer {}: lease lost to another process; stepping back", name);
          leaseUntil = 0;
          break;
        }
      }
      return batch.size();
    }

    private boolean advance(long id) {
      long now = clock.millis();
      int updated =
          jdbc.inTx(
              c ->
                  Jdbc.update(
                      c,
                      "UPDATE wf_consumer SET last_event_id = ?, lease_until = ? WHERE name = ? AND"
                          + " owner = ?",
                      id,
                      now + leaseMillis,
                      name,
                      owner));
      if (updated == 1) {
        leaseUntil = now + leaseMillis;
      }
      return updated == 1;
    }

    private void pause(long millis) throws InterruptedException {
      synchronized (signal) {
        if (!pending && running) {
          signal.wait(millis);
        }
        pending = false;
      }
    }

    void wake() {
      synchronized (signal) {
        pending = true;
        signal.notifyAll();
      }
    }

    void stop() {
      running = false;
      wake();
      try {
        if (thread != null) {
          thread.join(2000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        jdbc.inTx(
            c ->
                Jdbc.update(
                    c,
                    "UPDATE wf_consumer SET owner = NULL, lease_until = ? WHERE name = ? AND owner"
                        + " = ?",
                    clock.millis() - 1,
                    name,
                    owner));
      } catch (RuntimeException e) {
        LOG.debug("consumer {}: releasing the lease failed: {}", name, e.getMessage());
      }
    }
  }
}
