package dev.trunkbot.workflow;

/** The answer to {@link Engine#start}. */
public sealed interface StartOutcome {
  RunId runId();

  /** A new run. */
  record Started(RunId runId) implements StartOutcome {}

  /** The same requester asked for the same input under the same key: that active run. */
  record Existing(RunId runId) implements StartOutcome {}

  /** Another active run holds the business key; nothing started. */
  record Conflict(RunId runId) implements StartOutcome {}
}
