package dev.trunkbot.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One active run per business key: a row in {@code wf_active_key} while the run holding the key is
 * running, waiting, failed or rolling back (its primary key makes two concurrent starts collide,
 * and the engine retries the loser, which then finds the winner). The row goes when the run
 * succeeds, is rejected, cancelled or rolled back.
 */
final class ActiveKeys {
  private static final Set<String> ACTIVE =
      Set.of(
          RunState.RUNNING.name(),
          RunState.WAITING_APPROVAL.name(),
          RunState.FAILED.name(),
          RunState.ROLLING_BACK.name());

  private ActiveKeys() {}

  /**
   * The active run holding the request's key, as the answer to the request; empty when the key is
   * free (a stale row, whose run is over, is removed).
   */
  static Optional<StartOutcome> holder(Connection c, RunRequest request, ObjectNode input)
      throws SQLException {
    String key = request.businessKey().orElseThrow();
    List<String> held =
        Jdbc.query(
            c,
            "SELECT run_id FROM wf_active_key WHERE business_key = ? FOR UPDATE",
            rs -> rs.getString(1),
            key);
    if (held.isEmpty()) {
      return Optional.empty();
    }
    RunId other = new RunId(held.get(0));
    List<String[]> run =
        Jdbc.query(
            c,
            "SELECT state, requester, input_json FROM wf_run WHERE id = ?",
            rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
            other.value());
    if (run.isEmpty() || !ACTIVE.contains(run.get(0)[0])) {
      Jdbc.update(c, "DELETE FROM wf_active_key WHERE business_key = ?", key);
      return Optional.empty();
    }
    boolean same =
        run.get(0)[1].equals(request.requester()) && Json.read(run.get(0)[2]).equals(input);
    return Optional.of(same ? new StartOutcome.Existing(other) : new StartOutcome.Conflict(other));
  }

  static void take(Connection c, String key, RunId runId) throws SQLException {
    Jdbc.update(
        c, "INSERT INTO wf_active_key (business_key, run_id) VALUES (?, ?)", key, runId.value());
  }

  /**
   * Takes the key back for a run about to roll back: refused (with the holder) when another active
   * run holds it.
   */
  static Optional<RunId> retake(Connection c, String key, RunId runId) throws SQLException {
    List<String> held =
        Jdbc.query(
            c,
            "SELECT run_id FROM wf_active_key WHERE business_key = ? FOR UPDATE",
            rs -> rs.getString(1),
            key);
    if (held.isEmpty()) {
      take(c, key, runId);
      return Optional.empty();
    }
    if (held.get(0).equals(runId.value())) {
      return Optional.empty();
    }
    List<String> state =
        Jdbc.query(c, "SELECT state FROM wf_run WHERE id = ?", rs -> rs.getString(1), held.get(0));
    if (state.isEmpty() || !ACTIVE.contains(state.get(0))) {
      Jdbc.update(
          c, "UPDATE wf_active_key SET run_id = ? WHERE business_key = ?", runId.value(), key);
      return Optional.empty();
    }
    return Optional.of(new RunId(held.get(0)));
  }

  /** Runs of the same key created after this one that were not rolled back, newest first. */
  static List<RunId> newer(Connection c, String key, RunId runId) throws SQLException {
    return Jdbc.query(
        c,
        "SELECT id FROM wf_run WHERE business_key = ? AND id <> ? AND state <> ? AND created_at >="
            + " (SELECT created_at FROM wf_run WHERE id = ?) ORDER BY created_at DESC",
        rs -> new RunId(rs.getString(1)),
        key,
        runId.value(),
        RunState.ROLLED_BACK.name(),
        runId.value());
  }
}
