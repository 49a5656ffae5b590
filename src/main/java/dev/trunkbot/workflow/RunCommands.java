package dev.trunkbot.workflow;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people's commands on a run (approve, reject, cancel, rollback, resume, expiry), each one
 * transaction.
 */
final class RunCommands {
  /** The outcome and the steps whose tasks the engine must (un)schedule after commit. */
  record Result<T>(T outcome, List<String> steps) {}

  private final Jdbc jdbc;

  RunCommands(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  Result<ApprovalOutcome> decide(
      RunId id,
      WorkflowDefinition def,
      String stepId,
      boolean approve,
      String by,
      String reason,
      boolean allowSelfApproval,
      long now) {
    return jdbc.inTx(
        c -> {
          var locked = RunTx.lock(c, id, now);
          if (locked.isEmpty()) {
            return new Result<>(new ApprovalOutcome.NotWaiting("no run " + id), List.of());
          }
          RunTx tx = locked.get();
          if (!tx.active()) {
            ApprovalOutcome earlier = explainNoDecision(tx, stepId, def);
            return new Result<>(
                earlier instanceof ApprovalOutcome.AlreadyDecided
                    ? earlier
                    : new ApprovalOutcome.NotWaiting("run is " + tx.state),
                List.of());
          }
          if (approve && !allowSelfApproval && tx.requester.equals(by)) {
            return new Result<>(new ApprovalOutcome.SelfApprovalRefused(by), List.of());
          }
          String decision = approve ? "APPROVED" : "REJECTED";
          int updated =
              Jdbc.update(
                  c,
                  "UPDATE wf_approval SET decision = ?, decided_by = ?, decided_at = ?, reason = ?"
                      + " WHERE run_id = ? AND step_id = ? AND decision = 'PENDING' AND (expires_at IS NULL OR expires_at > ?)",
                  decision,
                  by,
                  now,
                  reason,
                  id.value(),
                  stepId,
                  now);
          if (updated == 0) {
            return new Result<>(explainNoDecision(tx, stepId, def), List.of());
          }
          tx.event("ApprovalDecided", stepId, Map.of("decision", decision, "by", by));
          tx.audit(
              by,
              approve ? "step.approved" : "step.rejected",
              stepId,
              reason == null ? "" : reason);
          List<String> schedule = List.of();
          if (approve) {
            if (tx.state == RunState.WAITING_APPROVAL) {
              tx.setRunState(RunState.RUNNING, null);
            }
            schedule = List.of(stepId);
          } else {
            cancelOpenSteps(tx, "rejected by " + by);
            tx.setRunState(RunState.REJECTED, "step '" + stepId + "' rejected by " + by);
          }
          tx.close();
          return new Result<ApprovalOutcome>(new ApprovalOutcome.Decided(decision, by), schedule);
        });
  }

  private ApprovalOutcome explainNoDecision(RunTx tx, String stepId, WorkflowDefinition def)
      throws SQLException {
    var rows =
        Jdbc.query(
            tx.c,
            "SELECT decision, decided_by, decided_at, expires_at FROM wf_approval WHERE run_id = ? AND step_id = ?",
            rs ->
                new Object[] {
                  rs.getString(1),
                  rs.getString(2),
                  Jdbc.nullableLong(rs, "decided_at"),
                  Jdbc.nullableLong(rs, "expires_at")
                },
            tx.runId.value(),
            stepId);
    if (rows.isEmpty()) {
      if (def.step(stepId).isEmpty()) {
        return new ApprovalOutcome.NotWaiting(
            "workflow " + def.name() + " has no step '" + stepId + "'");
      }
      return new ApprovalOutcome.NotWaiting(
          "step '" + stepId + "' is " + tx.steps().get(stepId) + ", not waiting for approval");
    }
    Object[] r = rows.get(0);
    if ("PENDING".equals(r[0]) && tx.active()) {
      expire(tx, stepId);
      tx.close();
      return new ApprovalOutcome.Expired(Instant.ofEpochMilli((Long) r[3]));
    }
    if ("PENDING".equals(r[0])) {
      return new ApprovalOutcome.NotWaiting("run is " + tx.state);
    }
    if ("EXPIRED".equals(r[0])) {
      return new ApprovalOutcome.Expired(Instant.ofEpochMilli((Long) r[3]));
    }
    return new ApprovalOutcome.AlreadyDecided(
        (String) r[0],
        r[1] == null ? "engine" : (String) r[1],
        Instant.ofEpochMilli(r[2] == null ? 0 : (Long) r[2]));
  }

  private void expire(RunTx tx, String stepId) throws SQLException {
    Jdbc.update(
        tx.c,
        "UPDATE wf_approval SET decision = 'EXPIRED', decided_at = ? WHERE run_id = ? AND step_id = ? AND decision = 'PENDING'",
        tx.now,
        tx.runId.value(),
        stepId);
    tx.setStep(
        stepId,
        StepState.FAILED,
        "UPDATE wf_step SET state = ?, last_error = ?, updated_at = ? WHERE run_id = ? AND step_id = ?",
        StepState.FAILED.name(),
        "approval expired",
        tx.now,
        tx.runId.value(),
        stepId);
    tx.audit("engine", "approval.expired", stepId, "");
    if (tx.active()) {
      tx.setRunState(RunState.FAILED, "approval of step '" + stepId + "' expired");
    }
  }

  /** Expires approvals past their expiry; returns how many. */
  int expireDue(long now) {
    var due =
        jdbc.query(
            "SELECT run_id, step_id FROM wf_approval WHERE decision = 'PENDING' AND expires_at IS NOT NULL AND expires_at <= ?",
            rs -> Map.entry(rs.getString(1), rs.getString(2)),
            now);
    for (var d : due) {
      jdbc.inTx(
          c -> {
            var tx = RunTx.lock(c, new RunId(d.getKey()), now);
            if (tx.isPresent()) {
              expire(tx.get(), d.getValue());
              tx.get().close();
            }
            return null;
          });
    }
    return due.size();
  }

  Result<ActionOutcome> cancel(RunId id, String actor, long now) {
    return jdbc.inTx(
        c -> {
          var locked = RunTx.lock(c, id, now);
          if (locked.isEmpty()) {
            return new Result<ActionOutcome>(new ActionOutcome.Refused("no run " + id), List.of());
          }
          RunTx tx = locked.get();
          if (!tx.active()) {
            return new Result<ActionOutcome>(
                new ActionOutcome.Refused(
                    "run is " + tx.state + ", only active runs can be cancelled"),
                List.of());
          }
          List<String> open = cancelOpenSteps(tx, "cancelled by " + actor);
          tx.audit(actor, "run.cancel", null, "");
          tx.setRunState(RunState.CANCELLED, "cancelled by " + actor);
          tx.close();
          return new Result<ActionOutcome>(new ActionOutcome.Accepted(RunState.CANCELLED), open);
        });
  }

  private List<String> cancelOpenSteps(RunTx tx, String why) throws SQLException {
    List<String> open = new ArrayList<>();
    for (var e : List.copyOf(tx.steps().entrySet())) {
      if (e.getValue() == StepState.PENDING || e.getValue() == StepState.WAITING_APPROVAL) {
        open.add(e.getKey());
        tx.setStep(
            e.getKey(),
            StepState.CANCELLED,
            "UPDATE wf_step SET state = ?, last_error = ?, updated_at = ? WHERE run_id = ? AND step_id = ?",
            StepState.CANCELLED.name(),
            why,
            tx.now,
            tx.runId.value(),
            e.getKey());
      }
    }
    return open;
  }

  Result<ActionOutcome> startRollback(RunId id, String actor, long now) {
    return jdbc.inTx(
        c -> {
          var locked = RunTx.lock(c, id, now);
          if (locked.isEmpty()) {
            return new Result<ActionOutcome>(new ActionOutcome.Refused("no run " + id), List.of());
          }
          RunTx tx = locked.get();
          if (!Set.of(RunState.SUCCEEDED, RunState.FAILED, RunState.REJECTED, RunState.CANCELLED)
              .contains(tx.state)) {
            return new Result<ActionOutcome>(
                new ActionOutcome.Refused(
                    "run is "
                        + tx.state
                        + "; rollback needs SUCCEEDED, FAILED, REJECTED or CANCELLED (cancel it first)"),
                List.of());
          }
          for (var e : tx.steps().entrySet()) {
            if (e.getValue() == StepState.RUNNING) {
              return new Result<ActionOutcome>(
                  new ActionOutcome.Refused(
                      "step '" + e.getKey() + "' is still running; retry when it finished"),
                  List.of());
            }
          }
          if (tx.businessKey != null) {
            List<RunId> newer = ActiveKeys.newer(c, tx.businessKey, id);
            if (!newer.isEmpty()) {
              return new Result<ActionOutcome>(
                  new ActionOutcome.Refused(
                      "run "
                          + newer.get(0)
                          + " is newer on "
                          + tx.businessKey
                          + ": rolling this one back would undo what that run relies on; roll that"
                          + " run back first"),
                  List.of());
            }
            var holder = ActiveKeys.retake(c, tx.businessKey, id);
            if (holder.isPresent()) {
              return new Result<ActionOutcome>(
                  new ActionOutcome.Refused(
                      "run " + holder.get() + " is active on " + tx.businessKey),
                  List.of());
            }
          }
          tx.audit(actor, "rollback.requested", null, "");
          Jdbc.update(
              c,
              "UPDATE wf_run SET state = ?, updated_at = ?, finished_at = NULL WHERE id = ?",
              RunState.ROLLING_BACK.name(),
              now,
              id.value());
          tx.state = RunState.ROLLING_BACK;
          tx.close();
          return new Result<ActionOutcome>(
              new ActionOutcome.Accepted(RunState.ROLLING_BACK), List.of());
        });
  }

  void markUndone(RunId id, String stepId, String title, long now) {
    jdbc.inTx(
        c -> {
          var tx = RunTx.lock(c, id, now).orElseThrow();
          tx.setStep(
              stepId,
              StepState.UNDONE,
              "UPDATE wf_step SET state = ?, updated_at = ? WHERE run_id = ? AND step_id = ?",
              StepState.UNDONE.name(),
              now,
              id.value(),
              stepId);
          tx.event("StepUndone", stepId, Map.of("title", title));
          tx.audit("engine", "step.undone", stepId, title);
          tx.close();
          return null;
        });
  }

  void finishRollback(RunId id, String error, long now) {
    jdbc.inTx(
        c -> {
          var tx = RunTx.lock(c, id, now).orElseThrow();
          if (error != null) {
            tx.audit("engine", "rollback.failed", null, error);
          }
          tx.setRunState(error == null ? RunState.ROLLED_BACK : RunState.FAILED, error);
          tx.close();
          return null;
        });
  }

  /**
   * Runs a FAILED run's failed steps again, and the succeeded steps in {@code alsoRerun} with every
   * step after them (their resources are gone: each finds before it creates).
   */
  Result<ActionOutcome> resume(
      RunId id, WorkflowDefinition def, String actor, Set<String> alsoRerun, long now) {
    return jdbc.inTx(
        c -> {
          var locked = RunTx.lock(c, id, now);
          if (locked.isEmpty()) {
            return new Result<ActionOutcome>(new ActionOutcome.Refused("no run " + id), List.of());
          }
          RunTx tx = locked.get();
          if (tx.state != RunState.FAILED) {
            return new Result<ActionOutcome>(
                new ActionOutcome.Refused(
                    "run is " + tx.state + "; only FAILED runs can be resumed"),
                List.of());
          }
          Set<String> again = Progression.withDependents(def, alsoRerun);
          for (var e : List.copyOf(tx.steps().entrySet())) {
            boolean rerun = again.contains(e.getKey()) && e.getValue() == StepState.SUCCEEDED;
            if (e.getValue() == StepState.FAILED || rerun) {
              Jdbc.update(
                  c,
                  "DELETE FROM wf_approval WHERE run_id = ? AND step_id = ? AND decision = 'EXPIRED'",
                  id.value(),
                  e.getKey());
              tx.setStep(
                  e.getKey(),
                  StepState.PENDING,
                  "UPDATE wf_step SET state = ?, attempts = 0, finished_at = NULL, updated_at = ? WHERE run_id = ? AND step_id = ?",
                  StepState.PENDING.name(),
                  now,
                  id.value(),
                  e.getKey());
            }
          }
          tx.audit(actor, "run.resumed", null, again.isEmpty() ? "" : "also again: " + again);
          Jdbc.update(
              c,
              "UPDATE wf_run SET state = ?, error = NULL, finished_at = NULL, updated_at = ? WHERE id = ?",
              RunState.RUNNING.name(),
              now,
              id.value());
          tx.state = RunState.RUNNING;
          tx.recomputeActive(def);
          tx.close();
          return new Result<ActionOutcome>(
              new ActionOutcome.Accepted(RunState.RUNNING), Progression.runnable(def, tx.steps()));
        });
  }
}
