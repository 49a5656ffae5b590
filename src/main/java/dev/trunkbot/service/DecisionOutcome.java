package dev.trunkbot.service;

import java.time.Instant;

/** The answer to {@link TrunkService#approve} and {@link TrunkService#reject}. */
public sealed interface DecisionOutcome {
  /** This call decided; the run as it stands after the decision. */
  record Decided(RunSummary run) implements DecisionOutcome {}

  /** The actor may not decide; {@code reason} says who may. The run keeps waiting. */
  record NotAllowed(String reason) implements DecisionOutcome {}

  /** Someone decided first. */
  record AlreadyDecided(String decision, Actor by, Instant at) implements DecisionOutcome {}

  /** The run is not waiting for a decision (not there yet, over, or the request expired). */
  record NotWaiting(String reason) implements DecisionOutcome {}
}
