package dev.trunkbot.workflow;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a step comes to wait for a person, inside a locked {@link RunTx}: unconditionally before it
 * executes ({@link Step.Builder#requiresApproval()}), or when it returns {@link StepResult.Waiting}
 * because it found something worth asking about. A run started with an auto-approver is approved at
 * once, in that name, and the request is recorded all the same.
 */
final class Approvals {
  private Approvals() {}

  /** What became of a step that asked. */
  enum Asked {
    /** It now waits for a person. */
    WAITING,
    /** The run's auto-approver approved it: run it again now. */
    APPROVED,
    /** Nothing to do (run over, already decided). */
    SKIP
  }

  /**
   * For a step that needs approval before it executes: empty when it may execute (approved, or
   * approved now by the auto-approver), else what the claim answers.
   */
  static Optional<Claim> beforeExecute(RunTx tx, WorkflowDefinition def, Step step)
      throws SQLException {
    Optional<String> decision = decision(tx, step.id());
    if (decision.isEmpty()) {
      Asked asked = ask(tx, def, step, step.title());
      return asked == Asked.APPROVED ? Optional.empty() : Optional.of(new Claim.AwaitApproval());
    }
    return decision.get().equals("APPROVED")
        ? Optional.empty()
        : Optional.of(new Claim.Skip("approval is " + decision.get()));
  }

  /** Records that the step asks for approval ({@code request} says what for). */
  static Asked ask(RunTx tx, WorkflowDefinition def, Step step, String request)
      throws SQLException {
    if (!tx.active()) {
      return Asked.SKIP;
    }
    if (decision(tx, step.id()).isPresent()) {
      return Asked.SKIP;
    }
    if (tx.autoApprover != null) {
      insert(tx, step, "APPROVED", tx.autoApprover, "auto-approve", request, null);
      tx.event("ApprovalDecided", step.id(), Map.of("decision", "APPROVED", "by", tx.autoApprover));
      tx.audit(tx.autoApprover, "step.approved", step.id(), "auto-approve: " + request);
      return Asked.APPROVED;
    }
    Long expires = step.approvalExpiry().map(d -> tx.now + d.toMillis()).orElse(null);
    insert(tx, step, "PENDING", null, null, request, expires);
    tx.setStep(
        step.id(),
        StepState.WAITING_APPROVAL,
        "UPDATE wf_step SET state = ?, updated_at = ? WHERE run_id = ? AND step_id = ?",
        StepState.WAITING_APPROVAL.name(),
        tx.now,
        tx.runId.value(),
        step.id());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("title", step.title());
    payload.put("requester", tx.requester);
    payload.put("request", request);
    tx.event("WaitingForApproval", step.id(), payload);
    tx.audit("engine", "approval.requested", step.id(), request);
    tx.recomputeActive(def);
    return Asked.WAITING;
  }

  static boolean approved(RunTx tx, String stepId) throws SQLException {
    return decision(tx, stepId).filter("APPROVED"::equals).isPresent();
  }

  private static Optional<String> decision(RunTx tx, String stepId) throws SQLException {
    List<String> rows =
        Jdbc.query(
            tx.c,
            "SELECT decision FROM wf_approval WHERE run_id = ? AND step_id = ?",
            rs -> rs.getString(1),
            tx.runId.value(),
            stepId);
    return rows.stream().findFirst();
  }

  private static void insert(
      RunTx tx, Step step, String decision, String by, String reason, String request, Long expires)
      throws SQLException {
    boolean decided = by != null;
    Jdbc.update(
        tx.c,
        "INSERT INTO wf_approval (run_id, step_id, decision, requested_at, expires_at, decided_by,"
            + " decided_at, reason, request) VALUES (?,?,?,?,?,?,?,?,?)",
        tx.runId.value(),
        step.id(),
        decision,
        tx.now,
        Jdbc.longOrNull(expires),
        by,
        decided ? Jdbc.longOrNull(tx.now) : Jdbc.NullLong.INSTANCE,
        reason,
        request.length() > 2000 ? request.substring(0, 1997) + "..." : request);
  }
}
