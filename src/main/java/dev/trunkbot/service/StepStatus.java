package dev.trunkbot.service;

/** Where one step of a run stands. */
public enum StepStatus {
  PENDING,
  RUNNING,
  WAITING_APPROVAL,
  SUCCEEDED,
  FAILED,
  CANCELLED,
  UNDONE
}
