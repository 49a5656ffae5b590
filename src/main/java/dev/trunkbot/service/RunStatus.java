package dev.trunkbot.service;

/** Where a run stands. */
public enum RunStatus {
  RUNNING,
  WAITING_APPROVAL,
  SUCCEEDED,
  FAILED,
  REJECTED,
  CANCELLED,
  ROLLING_BACK,
  ROLLED_BACK;

  /** Nothing moves without a person: every state but RUNNING and ROLLING_BACK. */
  public boolean settled() {
    return this != RUNNING && this != ROLLING_BACK;
  }

  /** Over for good (settled and not waiting for a decision). */
  public boolean finished() {
    return settled() && this != WAITING_APPROVAL;
  }
}
