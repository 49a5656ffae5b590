package dev.trunkbot.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The durable workflow engine. Create with {@link #builder()}. */
public interface Engine extends AutoCloseable {

  static EngineBuilder builder() {
    return new EngineBuilder();
  }

  /** Runs migrations, starts executing (and recovering interrupted runs). */
  void start();

  /** Stops polling and waits briefly for running steps; runs stay in the database. */
  @Override
  void close();

  /**
   * Starts a run of a registered workflow. {@code inputJson} must be a JSON object; {@code
   * secretInputs} are stored encrypted and read by steps through {@link StepContext#secret}.
   */
  RunId startRun(
      String workflowName, String inputJson, Map<String, String> secretInputs, String requester);

  ApprovalOutcome approve(RunId runId, String stepId, String approver, String reason);

  ApprovalOutcome reject(RunId runId, String stepId, String approver, String reason);

  ActionOutcome cancel(RunId runId, String actor);

  /** Undoes succeeded steps in reverse dependency order; the run ends ROLLED_BACK. */
  ActionOutcome rollback(RunId runId, String actor);

  /** Re-queues the failed steps of a FAILED run (attempts start again). */
  ActionOutcome resume(RunId runId, String actor);

  Optional<RunView> run(RunId runId);

  List<RunView> runs(RunFilter filter);

  /** The audit log of a run, oldest first (secrets never appear in it). */
  List<AuditEntry> audit(RunId runId);

  /**
   * Waits until the run is settled (no step will move without a person: SUCCEEDED, FAILED,
   * REJECTED, CANCELLED, ROLLED_BACK, or WAITING_APPROVAL with nothing running) and returns it.
   * Empty if the run is unknown or not settled in time.
   */
  Optional<RunView> awaitSettled(RunId runId, Duration timeout) throws InterruptedException;
}
