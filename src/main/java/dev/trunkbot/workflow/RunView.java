package dev.trunkbot.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run as stored. Secret values are never part of a view: {@link #secretNames()} only names them.
 */
public record RunView(
    RunId id,
    String workflow,
    int version,
    RunState state,
    String requester,
    ObjectNode input,
    List<StepView> steps,
    List<String> secretNames,
    Optional<String> error,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> finishedAt,
    Optional<String> businessKey,
    String subject,
    Map<String, String> notes) {
  public RunView {
    steps = List.copyOf(steps);
    notes = Map.copyOf(notes);
  }

  public Optional<StepView> step(String stepId) {
    return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
  }

  /** One step of a run; {@code approval} is present once the step asked for approval. */
  public record StepView(
      String id,
      String title,
      StepState state,
      int attempts,
      Optional<String> lastError,
      ObjectNode outputs,
      Optional<Instant> startedAt,
      Optional<Instant> finishedAt,
      Optional<ApprovalView> approval,
      Optional<Progress> progress) {}

  /** How far a fanning-out step got: {@code done} of {@code total} items. */
  public record Progress(int done, int total) {}

  /** decision is PENDING, APPROVED, REJECTED or EXPIRED. */
  public record ApprovalView(
      String decision,
      Instant requestedAt,
      Optional<Instant> expiresAt,
      Optional<String> decidedBy,
      Optional<Instant> decidedAt,
      Optional<String> reason,
      Optional<String> request) {}

  @Override
  public String toString() {
    return "RunView["
        + id
        + " "
        + workflow
        + " v"
        + version
        + " "
        + state
        + " by "
        + requester
        + " steps="
        + steps.stream().map(s -> s.id() + ":" + s.state()).toList()
        + " secrets="
        + secretNames
        + "=****]";
  }
}
