package dev.trunkbot.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A unit of work on one run whose row is locked (SELECT ... FOR UPDATE): all changes of a run are
 * serialized, so event sequence numbers are gap-free and in order, and concurrent step completions
 * see each other. Event ids come from one locked counter row, so they become visible in the order
 * they were given (a consumer's cursor never passes an event that commits later).
 */
final class RunTx {
  /** States in which a run no longer holds its business key. */
  private static final Set<RunState> RELEASING =
      Set.of(RunState.SUCCEEDED, RunState.REJECTED, RunState.CANCELLED, RunState.ROLLED_BACK);

  final Connection c;
  final RunId runId;
  final String workflow;
  final int version;
  final String requester;
  final String businessKey;
  final String autoApprover;
  final long now;
  RunState state;
  private long seq;
  private final long seqAtStart;
  private Map<String, StepState> steps;

  private RunTx(Connection c, RunId runId, java.sql.ResultSet rs, long now) throws SQLException {
    this.c = c;
    this.runId = runId;
    this.workflow = rs.getString("workflow");
    this.version = rs.getInt("version");
    this.requester = rs.getString("requester");
    this.state = RunState.valueOf(rs.getString("state"));
    this.businessKey = rs.getString("business_key");
    this.autoApprover = rs.getString("auto_approver");
    this.seq = rs.getLong("event_seq");
    this.seqAtStart = seq;
    this.now = now;
  }

  static Optional<RunTx> lock(Connection c, RunId runId, long now) throws SQLException {
    List<RunTx> rows =
        Jdbc.query(
            c,
            "SELECT workflow, version, requester, state, event_seq, business_key, auto_approver"
                + " FROM wf_run WHERE id = ? FOR UPDATE",
            rs -> new RunTx(c, runId, rs, now),
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
        "INSERT INTO wf_event (id, run_id, seq, type, step_id, at, payload_json, delivered)"
            + " VALUES (?,?,?,?,?,?,?,?)",
        nextEventId(c),
        runId.value(),
        seq,
        type,
        stepId,
        now,
        Json.write(payload),
        false);
  }

  /** The next event id; the counter row stays locked until the transaction ends. */
  static long nextEventId(Connection c) throws SQLException {
    Jdbc.update(c, "UPDATE wf_event_seq SET last_id = last_id + 1 WHERE id = 1");
    return Jdbc.query(c, "SELECT last_id FROM wf_event_seq WHERE id = 1", rs -> rs.getLong(1))
        .get(0);
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
    if (RELEASING.contains(newState)) {
      Jdbc.update(c, "DELETE FROM wf_active_key WHERE run_id = ?", runId.value());
    }
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

  /** Writes the run's event counter back; call last. */
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
