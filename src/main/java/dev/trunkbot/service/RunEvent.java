package dev.trunkbot.service;

import java.time.Instant;

/**
 * Something that happened to a run, in order per run, at least once ({@link #seq()} tells a
 * repeat). Views should redraw from {@link TrunkService#run} rather than add events up.
 */
public sealed interface RunEvent {
  String runId();

  /** From 1, gap-free within a run. */
  long seq();

  Instant at();

  record StepStarted(String runId, long seq, Instant at, String stepId, String title, int attempt)
      implements RunEvent {}

  record StepSucceeded(String runId, long seq, Instant at, String stepId, String title)
      implements RunEvent {}

  record StepFailed(
      String runId,
      long seq,
      Instant at,
      String stepId,
      String title,
      int attempt,
      String error,
      boolean willRetry)
      implements RunEvent {}

  record WaitingForApproval(String runId, long seq, Instant at, String stepId, String request)
      implements RunEvent {}

  record ApprovalDecided(
      String runId, long seq, Instant at, String stepId, String decision, Actor by)
      implements RunEvent {}

  record Progress(String runId, long seq, Instant at, String stepId, int done, int total)
      implements RunEvent {}

  record StepUndone(String runId, long seq, Instant at, String stepId, String title)
      implements RunEvent {}

  record RunFinished(String runId, long seq, Instant at, RunStatus state, String error)
      implements RunEvent {}
}
