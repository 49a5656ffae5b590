package dev.trunkbot.workflow;

/** The state of a run. */
public enum RunState {
  RUNNING,
  WAITING_APPROVAL,
  SUCCEEDED,
  FAILED,
  REJECTED,
  CANCELLED,
  ROLLING_BACK,
  ROLLED_BACK;

  /** No step will move again without a person (approve, resume, rollback). */
  public boolean settled() {
    return this != RUNNING && this != ROLLING_BACK;
  }

  public boolean finished() {
    return settled() && this != WAITING_APPROVAL;
  }
}
