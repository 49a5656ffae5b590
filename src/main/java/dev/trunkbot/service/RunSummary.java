package dev.trunkbot.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run of the guide as every front end renders it: always read whole from the database, so a
 * view drawn from it is right whatever events were lost or repeated.
 *
 * @param trunk the trunk's friendly name
 * @param terminationUri {@code <label>.pstn.twilio.com}, the run's business key
 * @param next what may be done to the run now (who may do it is the policy's to say)
 * @param notes what front ends attached to the run (a Slack channel and message ts)
 * @param sandbox true when the run works against the embedded emulators
 */
public record RunSummary(
    String id,
    String trunk,
    String terminationUri,
    RunStatus state,
    Actor requester,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> finishedAt,
    List<StepSummary> steps,
    Optional<ApprovalSummary> approval,
    Set<NextAction> next,
    Optional<String> error,
    RunResources resources,
    Map<String, String> notes,
    boolean sandbox) {
  public RunSummary {
    steps = List.copyOf(steps);
    next = Set.copyOf(next);
    notes = Map.copyOf(notes);
  }

  /** What can be done to a run in its state. */
  public enum NextAction {
    APPROVE,
    REJECT,
    RESUME,
    ROLLBACK,
    CANCEL
  }

  public Optional<StepSummary> step(String stepId) {
    return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
  }
}
