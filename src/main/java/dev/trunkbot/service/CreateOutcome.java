package dev.trunkbot.service;

import java.util.Optional;

/** The answer to {@link TrunkService#create}. */
public sealed interface CreateOutcome {
  /** A new run started. */
  record Started(RunSummary run) implements CreateOutcome {}

  /**
   * The same requester asked for the very same spec while its run is active: that run, and nothing
   * started twice (a retried or double-submitted create).
   */
  record AlreadyStarted(RunSummary run) implements CreateOutcome {}

  /**
   * Nothing started: another run of the trunk is active, or the policy refused (auto-approve).
   * {@code reason} says why and what to do; {@code activeRun} is the run in the way.
   */
  record Refused(String reason, Optional<RunSummary> activeRun) implements CreateOutcome {}
}
