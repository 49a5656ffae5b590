package dev.trunkbot.workflow;

/** The answer to cancel / rollback / resume. */
public sealed interface ActionOutcome {
  record Accepted(RunState newState) implements ActionOutcome {}

  record Refused(String reason) implements ActionOutcome {}
}
