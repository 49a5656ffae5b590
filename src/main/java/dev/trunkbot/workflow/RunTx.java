package dev.trunkbot.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A unit of work on one run whose row is locked (SELECT ... FOR UPDATE): all changes of a run are
 * serialized, so event sequence numbers are gap-free and in order, and concurrent step completions
 * see each other.
 */
final class RunTx {
  final Connection c;
  final RunId runId;
  final String workflow;
  final int version;
  final String requester;
  final long now;
  RunState state;
  private long seq;
  private final long seqAtStart;
  private Map<String, StepState> steps;

  private RunTx(
      Connection c,
      RunId runId,
      String workflow,
      int version,
      String requester,
      RunState state,
      long seq,
      long now) {
    this.c = c;
    this.runId = runId;
    this.workflow = workflow;
    this.version = version;
    this.requester = requester;
    this.state = state;
    this.seq = seq;
    this.seqAtStart = seq;
    this.now = now;
  }

  static Optional<RunTx> lock(Connection c, RunId runId, long now) throws SQLException {
    List<RunTx> rows =
        Jdbc.query(
            c,
            "SELECT workflow, version, requester, state, event_seq FROM wf_run WHERE id = ? FOR UPDATE",
            rs ->
                new RunTx(
                    c,
                    runId,
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    RunState.valueOf(rs.getString(4)),
                    rs.getLong(5),
                    now),
            runId.value());
    return rows.stream().findFirst();
  }

  Map<String, StepState> steps() throws SQLException {
    if (steps == null) {
      steps = new LinkedHashMap<>();
      for (var row :
          Jdbc.query(
              c,
              "SELECT step_id, state FROM wf_step WHERE run_id = ?",
              rs -> Map.entry(rs.getString(1), StepState.valueOf(rs.getString(2))),
              runId.value())) {
        steps.put(row.getKey(), row.getValue());
      }
    }
    return steps;
  }

  void setStep(String stepId, StepState newState, String sql, Object... params)
      throws SQLException {
    Jdbc.update(c, sql, params);
    steps().put(stepId, newState);
  }

  void event(String type, String stepId, Map<String, Object> payload) throws SQLException {
    seq++;
    Jdbc.update(
        c,
        "INSERT INTO wf_event (run_id, seq, type, step_id, at, payload_json, delivered) VALUES (?,?,?,?,?,?,?)",
        runId.value(),
        seq,
        type,
        stepId,
        now,
        Json.write(payload),
        false);
  }

  void audit(String actor, String action, String stepId, String detail) throws SQLException {
    Jdbc.update(
        c,
        "INSERT INTO wf_audit (run_id, at, actor, action, step_id, detail) VALUES (?,?,?,?,?,?)",
        runId.value(),
        now,
        actor,
        action,
        stepId,
        detail);
  }

  void setRunState(RunState newState, String error) throws SQLException {
    boolean finishing = newState.finished() && !state.finished();
    Jdbc.update(
        c,
        "UPDATE wf_run SET state = ?, error = COALESCE(?, error), updated_at = ?"
            + (finishing ? ", finished_at = ?" : "")
            + " WHERE id = ?",
        finishing
            ? new Object[] {newState.name(), error, now, now, runId.value()}
            : new Object[] {newState.name(), error, now, runId.value()});
    state = newState;
    if (finishing) {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("state", newState.name());
      payload.put("error", error);
      event("RunFinished", null, payload);
      audit("engine", "run." + newState.name().toLowerCase(), null, error == null ? "" : error);
    }
  }

  /** Re-derives RUNNING / WAITING_APPROVAL / SUCCEEDED for an active run. */
  void recomputeActive(WorkflowDefinition def) throws SQLException {
    if (state != RunState.RUNNING && state != RunState.WAITING_APPROVAL) {
      return;
    }
    RunState next = Progression.activeRunState(def, steps());
    if (next != state) {
      setRunState(next, null);
    }
  }

  boolean active() {
    return state == RunState.RUNNING || state == RunState.WAITING_APPROVAL;
  }

  /** Writes the event counter back; call last. */
  void close() throws SQLException {
    if (seq != seqAtStart) {
      Jdbc.update(
          c,
          "UPDATE wf_run SET event_seq = ?, updated_at = ? WHERE id = ?",
          seq,
          now,
          runId.value());
    }
  }
}
