package dev.trunkbot.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The intents of a run's steps (table {@code wf_intent}): what a step meant to make, by kind and
 * key, recorded in one transaction before the calls that may make it. Keys already recorded are
 * kept once; a run's intents outlive every attempt of its steps and are read again during undo.
 */
final class StepIntents {
  private static final int MAX_KEY = 500;
  private static final int MAX_KIND = 100;

  private final Jdbc jdbc;
  private final Clock clock;

  StepIntents(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records the keys not recorded yet, all in one transaction; returns once it is committed. */
  void record(RunId run, String stepId, String kind, Collection<String> keys) {
    Objects.requireNonNull(kind, "kind");
    if (kind.isBlank() || kind.length() > MAX_KIND) {
      throw new IllegalArgumentException("intent kind must be 1-" + MAX_KIND + " characters");
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String key : keys) {
      if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
        throw new IllegalArgumentException(
            "intent keys must be 1-" + MAX_KEY + " characters, got '" + key + "'");
      }
      wanted.add(key);
    }
    if (wanted.isEmpty()) {
      return;
    }
    long now = clock.millis();
    jdbc.inTx(
        c -> {
          wanted.removeAll(keys(c, run, kind));
          insert(c, run, stepId, kind, wanted, now);
          return null;
        });
  }

  /** The keys of this kind that any step of the run intended, in any attempt. */
  Set<String> of(RunId run, String kind) {
    return jdbc.inTx(c -> keys(c, run, kind));
  }

  /** The steps of the run that recorded at least one intent. */
  Set<String> steps(RunId run) {
    return new LinkedHashSet<>(
        jdbc.query(
            "SELECT DISTINCT step_id FROM wf_intent WHERE run_id = ?",
            rs -> rs.getString(1),
            run.value()));
  }

  private static Set<String> keys(Connection c, RunId run, String kind) throws SQLException {
    List<String> rows =
        Jdbc.query(
            c,
            "SELECT item_key FROM wf_intent WHERE run_id = ? AND kind = ?",
            rs -> rs.getString(1),
            run.value(),
            kind);
    return new LinkedHashSet<>(rows);
  }

  private static void insert(
      Connection c, RunId run, String stepId, String kind, Set<String> keys, long now)
      throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO wf_intent (run_id, kind, item_key, step_id, at) VALUES (?,?,?,?,?)")) {
      for (String key : keys) {
        ps.setString(1, run.value());
        ps.setString(2, kind);
        ps.setString(3, key);
        ps.setString(4, stepId);
        ps.setLong(5, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
