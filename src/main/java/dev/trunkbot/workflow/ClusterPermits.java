package dev.trunkbot.workflow;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Permits of a resource held in the database, so that a limit holds across every process on it:
 * {@code limit} rows per resource, each taken by one process at a time. A process renews the lease
 * of the permits it holds; if it dies, they return to the others when the lease runs out.
 */
final class ClusterPermits {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterPermits.class);

  private final Jdbc jdbc;
  private final Clock clock;
  private final String owner;
  private final long leaseMillis;
  private final Map<String, Deque<Integer>> held = new ConcurrentHashMap<>();
  private final Object freed = new Object();

  ClusterPermits(Jdbc jdbc, Clock clock, String owner, long leaseMillis) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.owner = owner;
    this.leaseMillis = leaseMillis;
  }

  /** Makes sure the resource has its {@code limit} permit rows. */
  void prepare(String resource, int limit) {
    List<Integer> have =
        jdbc.query("SELECT slot FROM wf_permit WHERE resource = ?", rs -> rs.getInt(1), resource);
    for (int slot = 0; slot < limit; slot++) {
      if (!have.contains(slot)) {
        int s = slot;
        try {
          jdbc.inTx(
              c ->
                  Jdbc.update(
                      c,
                      "INSERT INTO wf_permit (resource, slot, owner, lease_until) VALUES (?,?,NULL,0)",
                      resource,
                      s));
        } catch (IllegalStateException anotherProcessMadeIt) {
          LOG.debug("permit {} of {} was made by another process", s, resource);
        }
      }
    }
  }

  /** Takes one of the first {@code limit} permits, waiting while all are taken. */
  void acquire(String resource, int limit) throws InterruptedException {
    long wait = 5;
    while (true) {
      long now = clock.millis();
      List<Integer> free =
          jdbc.query(
              "SELECT slot FROM wf_permit WHERE resource = ? AND slot < ? AND (owner IS NULL OR"
                  + " lease_until < ?) ORDER BY slot FETCH FIRST 4 ROWS ONLY",
              rs -> rs.getInt(1),
              resource,
              limit,
              now);
      for (int slot : free) {
        int taken =
            jdbc.inTx(
                c ->
                    Jdbc.update(
                        c,
                        "UPDATE wf_permit SET owner = ?, lease_until = ? WHERE resource = ? AND"
                            + " slot = ? AND (owner IS NULL OR lease_until < ?)",
                        owner,
                        now + leaseMillis,
                        resource,
                        slot,
                        now));
        if (taken == 1) {
          Deque<Integer> mine = deque(resource);
          synchronized (mine) {
            mine.push(slot);
          }
          return;
        }
      }
      synchronized (freed) {
        freed.wait(wait);
      }
      wait = Math.min(wait * 2, 100);
    }
  }

  /** Gives back one permit of the resource that this process holds. */
  void release(String resource) {
    Integer slot;
    Deque<Integer> mine = deque(resource);
    synchronized (mine) {
      slot = mine.poll();
    }
    if (slot == null) {
      return;
    }
    try {
      jdbc.inTx(
          c ->
              Jdbc.update(
                  c,
                  "UPDATE wf_permit SET owner = NULL, lease_until = 0 WHERE resource = ? AND slot"
                      + " = ? AND owner = ?",
                  resource,
                  slot,
                  owner));
    } catch (RuntimeException e) {
      LOG.warn(
          "giving back a permit of {} failed ({}); its lease will run out",
          resource,
          e.getMessage());
    }
    synchronized (freed) {
      freed.notifyAll();
    }
  }

  /** Keeps this process's permits from running out while it works. */
  void renew() {
    if (held.values().stream().allMatch(Deque::isEmpty)) {
      return;
    }
    try {
      jdbc.inTx(
          c ->
              Jdbc.update(
                  c,
                  "UPDATE wf_permit SET lease_until = ? WHERE owner = ?",
                  clock.millis() + leaseMillis,
                  owner));
    } catch (RuntimeException e) {
      LOG.warn("renewing permits failed: {}", e.getMessage());
    }
  }

  /** Gives back everything this process holds (at shutdown). */
  void releaseAll() {
    try {
      jdbc.inTx(
          c ->
              Jdbc.update(
                  c, "UPDATE wf_permit SET owner = NULL, lease_until = 0 WHERE owner = ?", owner));
    } catch (RuntimeException e) {
      LOG.debug("giving back permits at shutdown failed: {}", e.getMessage());
    }
    held.clear();
  }

  private Deque<Integer> deque(String resource) {
    return held.computeIfAbsent(resource, r -> new ArrayDeque<>());
  }
}
