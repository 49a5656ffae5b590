package dev.trunkbot.workflow;

import java.time.Instant;

/**
 * What listeners receive, in order per run, at least once. {@link #id()} is stable across
 * redeliveries ({@code <runId>#<seq>}), so a reporter can dedupe. Events never carry secret values.
 */
public sealed interface WorkflowEvent {
  RunId runId();

  /** Sequence number within the run, from 1. */
  long seq();

  Instant at();

  default String id() {
    return runId().value() + "#" + seq();
  }

  record StepStarted(RunId runId, long seq, Instant at, String stepId, String title, int attempt)
      implements WorkflowEvent {}

  record StepSucceeded(RunId runId, long seq, Instant at, String stepId, String title)
      implements WorkflowEvent {}

  record StepFailed(
      RunId runId,
      long seq,
      Instant at,
      String stepId,
      String title,
      int attempt,
      String error,
      boolean willRetry)
      implements WorkflowEvent {}

  /** {@code request} says what approving does ("7 DIDs will be routed to ..."). */
  record WaitingForApproval(
      RunId runId,
      long seq,
      Instant at,
      String stepId,
      String title,
      String requester,
      String request)
      implements WorkflowEvent {}

  record ApprovalDecided(
      RunId runId, long seq, Instant at, String stepId, String decision, String by)
      implements WorkflowEvent {}

  record Progress(
      RunId runId, long seq, Instant at, String stepId, int done, int total, String note)
      implements WorkflowEvent {}

  record StepUndone(RunId runId, long seq, Instant at, String stepId, String title)
      implements WorkflowEvent {}

  record RunFinished(RunId runId, long seq, Instant at, RunState state, String error)
      implements WorkflowEvent {}
}
