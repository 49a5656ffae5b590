package dev.trunkbot.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /**
   * Creates the run, unless another active run holds its business key: then that run, as {@link
   * StartOutcome.Existing} when it is the same requester's same input, else {@link
   * StartOutcome.Conflict}. A key whose run is no longer active is taken over.
   */
  StartOutcome createRun(
      RunId id,
      WorkflowDefinition def,
      RunRequest request,
      ObjectNode input,
      Map<String, String> sealedSecrets,
      long now) {
    return jdbc.inTx(
        c -> {
          if (request.businessKey().isPresent()) {
            Optional<StartOutcome> holder = ActiveKeys.holder(c, request, input);
            if (holder.isPresent()) {
              return holder.get();
            }
            ActiveKeys.take(c, request.businessKey().get(), id);
          }
          Jdbc.update(
              c,
              "INSERT INTO wf_run (id, workflow, version, input_json, requester, state, event_seq,"
                  + " created_at, updated_at, business_key, subject, auto_approver)"
                  + " VALUES (?,?,?,?,?,?,0,?,?,?,?,?)",
              id.value(),
              def.name(),
              def.version(),
              Json.write(input),
              request.requester(),
              RunState.RUNNING.name(),
              now,
              now,
              request.businessKey().orElse(null),
              request.subject(),
              request.autoApprover().orElse(null));
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
          for (var n : request.notes().entrySet()) {
            checkNote(n.getKey(), n.getValue());
            Jdbc.update(
                c,
                "INSERT INTO wf_run_note (run_id, name, note_value) VALUES (?,?,?)",
                id.value(),
                n.getKey(),
                n.getValue());
          }
          Jdbc.update(
              c,
              "INSERT INTO wf_audit (run_id, at, actor, action, step_id, detail) VALUES (?,?,?,?,?,?)",
              id.value(),
              now,
              request.requester(),
              "run.started",
              null,
              def.name()
                  + " v"
                  + def.version()
                  + request.businessKey().map(k -> " for " + k).orElse("")
                  + request.autoApprover().map(a -> ", auto-approved by " + a).orElse("")
                  + (sealedSecrets.isEmpty() ? "" : ", secrets " + sealedSecrets.keySet()));
          return new StartOutcome.Started(id);
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
          if (current == StepState.WAITING_APPROVAL && !Approvals.approved(tx, step.id())) {
            return new Claim.Skip("step is waiting for approval");
          }
          if (step.approvalRequired()) {
            Optional<Claim> waiting = Approvals.beforeExecute(tx, def, step);
            if (waiting.isPresent()) {
              tx.close();
              return waiting.get();
            }
          }
          boolean approved = Approvals.approved(tx, step.id());
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
                  + " updated_at = ?, progress_done = NULL, progress_total = NULL"
                  + " WHERE run_id = ? AND step_id = ?",
              StepState.RUNNING.name(),
              attempt,
              now,
              now,
              id.value(),
              step.id());
          tx.event("StepStarted", step.id(), Map.of("title", step.title(), "attempt", attempt));
          tx.recomputeActive(def);
          tx.close();
          return new Claim.Execute(
              attempt, input(c, id), outputs(c, id), sealedSecrets(c, id), approved, tx.requester);
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

  /**
   * The step returned {@link StepResult.Waiting}: it waits for a person now, or was approved at
   * once by the run's auto-approver (then it runs again).
   */
  Approvals.Asked awaitApproval(
      RunId id, WorkflowDefinition def, Step step, String request, long now) {
    return jdbc.inTx(
        c -> {
          var locked = RunTx.lock(c, id, now);
          if (locked.isEmpty()) {
            return Approvals.Asked.SKIP;
          }
          RunTx tx = locked.get();
          // asking is not a failed attempt: the run after the approval is the step's real attempt
          Jdbc.update(
              c,
              "UPDATE wf_step SET attempts = attempts - 1 WHERE run_id = ? AND step_id = ?",
              id.value(),
              step.id());
          Approvals.Asked asked = Approvals.ask(tx, def, step, request);
          // approved at once: it runs again now. Not asked because the run stopped meanwhile (a
          // step failed): it did nothing yet, so it waits for a resume, which asks then; or, in a
          // cancelled run, it is cancelled with the others that had not run
          if (asked != Approvals.Asked.WAITING) {
            StepState next =
                tx.state == RunState.CANCELLED ? StepState.CANCELLED : StepState.PENDING;
            tx.setStep(
                step.id(),
                next,
                "UPDATE wf_step SET state = ?, updated_at = ? WHERE run_id = ? AND step_id = ?",
                next.name(),
                now,
                id.value(),
                step.id());
          }
          tx.close();
          return asked;
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

  /** Attaches a note to a run, replacing one of that name. */
  void note(RunId id, String name, String value) {
    checkNote(name, value);
    jdbc.inTx(
        c -> {
          if (RunTx.lock(c, id, 0).isEmpty()) {
            throw new IllegalArgumentException("no run " + id);
          }
          Jdbc.update(c, "DELETE FROM wf_run_note WHERE run_id = ? AND name = ?", id.value(), name);
          return Jdbc.update(
              c,
              "INSERT INTO wf_run_note (run_id, name, note_value) VALUES (?,?,?)",
              id.value(),
              name,
              value);
        });
  }

  private static void checkNote(String name, String value) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("note name must be 1-100 characters, got " + name);
    }
    if (value == null || value.length() > 2000) {
      throw new IllegalArgumentException("note '" + name + "' must hold at most 2000 characters");
    }
  }

  /** Stores a progress event (outside the step's state transitions). */
  void progress(RunId id, String stepId, int done, int total, String note, long now) {
    jdbc.inTx(
        c -> {
          var locked = RunTx.lock(c, id, now);
          if (locked.isPresent()) {
            Jdbc.update(
                c,
                "UPDATE wf_step SET progress_done = ?, progress_total = ? WHERE run_id = ? AND"
                    + " step_id = ? AND (progress_done IS NULL OR progress_done < ?)",
                done,
                total,
                id.value(),
                stepId,
                done);
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
