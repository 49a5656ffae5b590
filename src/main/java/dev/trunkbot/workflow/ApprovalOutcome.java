package dev.trunkbot.workflow;

import java.time.Instant;

/** The answer to approve / reject. */
public sealed interface ApprovalOutcome {
  /** This call decided. */
  record Decided(String decision, String by) implements ApprovalOutcome {}

  /** Someone decided first. */
  record AlreadyDecided(String decision, String by, Instant at) implements ApprovalOutcome {}

  /** The step is not waiting for approval (unknown run/step, not reached yet, or run over). */
  record NotWaiting(String reason) implements ApprovalOutcome {}

  /** The requester may not approve their own run. */
  record SelfApprovalRefused(String requester) implements ApprovalOutcome {}

  /** The approval request expired before a decision; the run failed. */
  record Expired(Instant expiredAt) implements ApprovalOutcome {}
}
