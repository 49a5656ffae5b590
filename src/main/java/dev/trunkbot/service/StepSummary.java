package dev.trunkbot.service;

import java.time.Instant;
import java.util.Optional;

/**
 * One step of the guide in a run, as front ends show it.
 *
 * @param id the step's id ({@code trunk}, {@code assign-dids}, ...)
 * @param title what the step does, in the guide's words
 * @param created resources this step created (0 until it succeeded)
 * @param updated resources it corrected
 * @param found resources it found as asked
 * @param progress items done of all (the DIDs assigned so far), while a step fans out
 * @param error the last failure, without secrets
 * @param startedAt when its first attempt started
 * @param finishedAt when it last succeeded or failed for good
 */
public record StepSummary(
    String id,
    String title,
    StepStatus state,
    int attempts,
    int created,
    int updated,
    int found,
    Optional<Progress> progress,
    Optional<String> error,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt) {

  /** {@code done} of {@code total} items. */
  public record Progress(int done, int total) {
    @Override
    public String toString() {
      return done + "/" + total;
    }
  }
}
