package dev.trunkbot.service;

/** The answer to resume, rollback and cancel. */
public sealed interface ActionResult {
  /** Done or under way; the run as it stands now. */
  record Accepted(RunSummary run) implements ActionResult {}

  /** Nothing changed; {@code reason} says why and what to do instead. */
  record Refused(String reason) implements ActionResult {}
}
