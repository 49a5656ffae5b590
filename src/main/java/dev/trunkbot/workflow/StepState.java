package dev.trunkbot.workflow;

/** The state of one step of a run. */
public enum StepState {
  PENDING,
  RUNNING,
  WAITING_APPROVAL,
  SUCCEEDED,
  FAILED,
  CANCELLED,
  UNDONE
}
