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

  /** Starts a run, unless another active run holds its business key (see {@link StartOutcome}). */
  StartOutcome start(RunRequest request);

  /**
   * Starts a run of a registered workflow without a business key. {@code inputJson} must be a JSON
   * object; {@code secretInputs} are stored encrypted and read by steps through {@link
   * StepContext#secret}.
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

  /**
   * As {@link #resume(RunId, String)}, and also runs again the succeeded steps in {@code alsoRerun}
   * and every step after them (their resources are gone).
   */
  ActionOutcome resume(RunId runId, String actor, java.util.Set<String> alsoRerun);

  /** Attaches a note to a run (shown in {@link RunView#notes()}), replacing one of that name. */
  void note(RunId runId, String name, String value);

  /**
   * Receives the events of one run (or all runs) stored from now on, while this engine is open.
   * Nothing is consumed: every subscriber and consumer sees the same events.
   */
  Registration subscribe(Optional<RunId> runId, WorkflowListener listener);

  /**
   * Receives every event once per {@code consumer} name across processes (workers only): a
   * restarted consumer resumes after its last event; of several processes consuming under one name
   * only one delivers at a time.
   */
  Registration consume(String consumer, WorkflowListener listener);

  Optional<RunView> run(RunId runId);

  List<RunView> runs(RunFilter filter);

  /**
   * Runs by state, approvals waiting, consumers' backlogs and permits in use, across every process
   * on the database.
   *
   * @throws IllegalStateException the database cannot be read
   */
  EngineStats stats();

  /**
   * The limit of calls at once to {@code resource} that steps hold, across every process on the
   * database: for calls made outside a step (a plan, a health check) that must count against it.
   */
  ResourceLimiter limiter(String resource);

  /** The audit log of a run, oldest first (secrets never appear in it). */
  List<AuditEntry> audit(RunId runId);

  /**
   * Waits until the run is settled (no step will move without a person: SUCCEEDED, FAILED,
   * REJECTED, CANCELLED, ROLLED_BACK, or WAITING_APPROVAL) and no step is still running, and
   * returns it; woken by the run's events. Empty if the run is unknown or not settled in time.
   */
  Optional<RunView> awaitSettled(RunId runId, Duration timeout) throws InterruptedException;
}
