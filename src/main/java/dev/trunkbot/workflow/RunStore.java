package dev.trunkbot.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run store: every state change of a run in one transaction with the run row locked, together
 * with its events and audit lines. One JDBC implementation for H2 and PostgreSQL (portable SQL).
 */
final class RunStore {
  private final Jdbc jdbc;

  RunStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  Jdbc jdbc() {
    return jdbc;
  }

  void createRun(
      RunId id,
      WorkflowDefinition def,
      ObjectNode input,
      Map<String, String> sealedSecrets,
      String requester,
      long now) {
    jdbc.inTx(
        c -> {
          Jdbc.update(
              c,
              "INSERT INTO wf_run (id, workflow, version, input_json, requester, state, event_seq, created_at,"
                  + " updated_at) VALUES (?,?,?,?,?,?,0,?,?)",
              id.value(),
              def.name(),
              def.version(),
              Json.write(input),
              requester,
              RunState.RUNNING.name(),
              now,
              now);
          for (Step s : def.steps()) {
            Jdbc.update(
                c,
                "INSERT INTO wf_step (run_id, step_id, state, attempts, updated_at) VALUES (?,?,?,0,?)",
                id.value(),
                s.id(),
                StepState.PENDING.name(),
                now);
          }
          for (var e : sealedSecrets.entrySet()) {
            Jdbc.update(
                c,
                "INSERT INTO wf_secret (run_id, name, step_id, ciphertext) VALUES (?,?,?,?)",
                id.value(),
                e.getKey(),
                "",
                e.getValue());
          }
          Jdbc.update(
              c,
              "INSERT INTO wf_audit (run_id, at, actor, action, step_id, detail) VALUES (?,?,?,?,?,?)",
              id.value(),
              now,
              requester,
              "run.started",
              null,
              def.name()
                  + " v"
                  + def.version()
                  + (sealedSecrets.isEmpty() ? "" : ", secrets " + sealedSecrets.keySet()));
          return null;
        });
  }

  Claim claim(RunId id, WorkflowDefinition def, Step step, long now) {
    return jdbc.inTx(
        c -> {
          var locked = RunTx.lock(c, id, now);
          if (locked.isEmpty()) {
            return new Claim.Skip("no such run");
          }
          RunTx tx = locked.get();
          if (!tx.active()) {
            return new Claim.Skip("run is " + tx.state);
          }
          StepState current = tx.steps().get(step.id());
          if (current != StepState.PENDING
              && current != StepState.RUNNING
              && current != StepState.WAITING_APPROVAL) {
            return new Claim.Skip("step is " + current);
          }
          if (step.approvalRequired()) {
            var decision =
                Jdbc.query(
                    c,
                    "SELECT decision FROM wf_approval WHERE run_id = ? AND step_id = ?",
                    rs -> rs.getString(1),
                    id.value(),
                    step.id());
            if (decision.isEmpty()) {
              Long expires = step.approvalExpiry().map(d -> now + d.toMillis()).orElse(null);
              Jdbc.update(
                  c,
                  "INSERT INTO wf_approval (run_id, step_id, decision, requested_at, expires_at) VALUES (?,?,?,?,?)",
                  id.value(),
                  step.id(),
                  "PENDING",
                  now,
                  Jdbc.longOrNull(expires));
              tx.setStep(
                  step.id(),
                  StepState.WAITING_APPROVAL,
                  "UPDATE wf_step SET state = ?, updated_at = ? WHERE run_id = ? AND step_id = ?",
                  StepState.WAITING_APPROVAL.name(),
                  now,
                  id.value(),
                  step.id());
              tx.event(
                  "WaitingForApproval",
                  step.id(),
                  Map.of("title", step.title(), "requester", tx.requester));
              tx.audit("engine", "approval.requested", step.id(), step.title());
              tx.recomputeActive(def);
              tx.close();
              return new Claim.AwaitApproval();
            }
            if (!decision.get(0).equals("APPROVED")) {
              return new Claim.Skip("approval is " + decision.get(0));
            }
          }
          int attempt =
              Jdbc.query(
                          c,
                          "SELECT attempts FROM wf_step WHERE run_id = ? AND step_id = ?",
                          rs -> rs.getInt(1),
                          id.value(),
                          step.id())
                      .get(0)
                  + 1;
          tx.setStep(
              step.id(),
              StepState.RUNNING,
              "UPDATE wf_step SET state = ?, attempts = ?, started_at = COALESCE(started_at, ?),"
                  + " updated_at = ? WHERE run_id = ? AND step_id = ?",
              StepState.RUNNING.name(),
              attempt,
              now,
              now,
              id.value(),
              step.id());
          tx.event("StepStarted", step.id(), Map.of("title", step.title(), "attempt", attempt));
          tx.recomputeActive(def);
          tx.close();
          return new Claim.Execute(attempt, input(c, id), outputs(c, id), sealedSecrets(c, id));
        });
  }

  /** Records success; returns the steps that became runnable (to schedule after commit). */
  List<String> succeed(
      RunId id,
      WorkflowDefinition def,
      Step step,
      ObjectNode outputs,
      Map<String, String> sealed,
      long now) {
    return jdbc.inTx(
        c -> {
          var locked = RunTx.lock(c, id, now);
          if (locked.isEmpty()) {
            return List.of();
          }
          RunTx tx = locked.get();
          tx.setStep(
              step.id(),
              StepState.SUCCEEDED,
              "UPDATE wf_step SET state = ?, output_json = ?, last_error = NULL,"
                  + " finished_at = ?, updated_at = ? WHERE run_id = ? AND step_id = ?",
              StepState.SUCCEEDED.name(),
              Json.write(outputs),
              now,
              now,
              id.value(),
              step.id());
          for (var e : sealed.entrySet()) {
            Jdbc.update(
                c, "DELETE FROM wf_secret WHERE run_id = ? AND name = ?", id.value(), e.getKey());
            Jdbc.update(
                c,
                "INSERT INTO wf_secret (run_id, name, step_id, ciphertext) VALUES (?,?,?,?)",
                id.value(),
                e.getKey(),
                step.id(),
                e.getValue());
          }
          tx.event("StepSucceeded", step.id(), Map.of("title", step.title()));
          List<String> next = tx.active() ? Progression.runnable(def, tx.steps()) : List.of();
          tx.recomputeActive(def);
          tx.close();
          return next;
        });
  }

  void failAttempt(
      RunId id,
      WorkflowDefinition def,
      Step step,
      int attempt,
      String error,
      boolean willRetry,
      long now) {
    jdbc.inTx(
        c -> {
          var locked = RunTx.lock(c, id, now);
          if (locked.isEmpty()) {
            return null;
          }
          RunTx tx = locked.get();
          StepState next = willRetry && tx.active() ? StepState.PENDING : StepState.FAILED;
          tx.setStep(
              step.id(),
              next,
              "UPDATE wf_step SET state = ?, last_error = ?, updated_at = ?"
                  + (next == StepState.FAILED
                      ? ", finished_at = ?"
                      : ", finished_at = COALESCE(?, finished_at)")
                  + " WHERE run_id = ? AND step_id = ?",
              next.name(),
              error,
              now,
              next == StepState.FAILED ? now : Jdbc.NullLong.INSTANCE,
              id.value(),
              step.id());
          Map<String, Object> payload = new LinkedHashMap<>();
          payload.put("title", step.title());
          payload.put("attempt", attempt);
          payload.put("error", error);
          payload.put("willRetry", next == StepState.PENDING);
          tx.event("StepFailed", step.id(), payload);
          if (next == StepState.FAILED && tx.active()) {
            tx.setRunState(RunState.FAILED, "step '" + step.id() + "' failed: " + error);
          }
          tx.close();
          return null;
        });
  }

  /** Stores a progress event (outside the step's state transitions). */
  void progress(RunId id, String stepId, int done, int total, String note, long now) {
    jdbc.inTx(
        c -> {
          var locked = RunTx.lock(c, id, now);
          if (locked.isPresent()) {
            Map<String, Object> payload = new HashMap<>();
            payload.put("done", done);
            payload.put("total", total);
            payload.put("note", note);
            locked.get().event("Progress", stepId, payload);
            locked.get().close();
          }
          return null;
        });
  }

  static ObjectNode input(java.sql.Connection c, RunId id) throws SQLException {
    return Json.object(
        Jdbc.query(
                c, "SELECT input_json FROM wf_run WHERE id = ?", rs -> rs.getString(1), id.value())
            .get(0));
  }

  static Map<String, ObjectNode> outputs(java.sql.Connection c, RunId id) throws SQLException {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (var row :
        Jdbc.query(
            c,
            "SELECT step_id, output_json FROM wf_step WHERE run_id = ? AND output_json IS NOT NULL",
            rs -> Map.entry(rs.getString(1), rs.getString(2)),
            id.value())) {
      out.put(row.getKey(), Json.object(row.getValue()));
    }
    return out;
  }

  static Map<String, String> sealedSecrets(java.sql.Connection c, RunId id) throws SQLException {
    Map<String, String> out = new HashMap<>();
    for (var row :
        Jdbc.query(
            c,
            "SELECT name, ciphertext FROM wf_secret WHERE run_id = ?",
            rs -> Map.entry(rs.getString(1), rs.getString(2)),
            id.value())) {
      out.put(row.getKey(), row.getValue());
    }
    return out;
  }

  /** Runs that may need their tasks (re)scheduled: RUNNING, WAITING_APPROVAL, ROLLING_BACK. */
  List<ActiveRun> activeRuns() {
    return jdbc.inTx(
        c -> {
          List<ActiveRun> runs = new ArrayList<>();
          for (var r :
              Jdbc.query(
                  c,
                  "SELECT id, workflow, version, state FROM wf_run WHERE state IN (?,?,?)",
                  rs ->
                      new ActiveRun(
                          new RunId(rs.getString(1)),
                          rs.getString(2),
                          rs.getInt(3),
                          RunState.valueOf(rs.getString(4)),
                          new HashMap<>(),
                          new HashMap<>()),
                  RunState.RUNNING.name(),
                  RunState.WAITING_APPROVAL.name(),
                  RunState.ROLLING_BACK.name())) {
            for (var s :
                Jdbc.query(
                    c,
                    "SELECT step_id, state FROM wf_step WHERE run_id = ?",
                    rs -> Map.entry(rs.getString(1), StepState.valueOf(rs.getString(2))),
                    r.id().value())) {
              r.steps().put(s.getKey(), s.getValue());
            }
            for (var a :
                Jdbc.query(
                    c,
                    "SELECT step_id, decision FROM wf_approval WHERE run_id = ?",
                    rs -> Map.entry(rs.getString(1), rs.getString(2)),
                    r.id().value())) {
              r.approvals().put(a.getKey(), a.getValue());
            }
            runs.add(r);
          }
          return runs;
        });
  }

  record ActiveRun(
      RunId id,
      String workflow,
      int version,
      RunState state,
      Map<String, StepState> steps,
      Map<String, String> approvals) {}
}
