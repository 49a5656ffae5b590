package dev.trunkbot.workflow;

import java.time.Duration;
import java.util.Map;

/**
 * The engine's state across every process on the database, read at once (for metrics and readiness;
 * reading it proves the database answers).
 *
 * @param runs how many runs are in each state (every state present, 0 when none)
 * @param approvalsWaiting approval requests no one has decided yet
 * @param oldestApproval how long the oldest of them has waited (zero when none)
 * @param backlog per consumer, events stored that it has not handled yet
 * @param permitsInUse per resource, permits held by a live process right now
 */
public record EngineStats(
    Map<RunState, Long> runs,
    long approvalsWaiting,
    Duration oldestApproval,
    Map<String, Long> backlog,
    Map<String, Long> permitsInUse) {
  public EngineStats {
    runs = Map.copyOf(runs);
    backlog = Map.copyOf(backlog);
    permitsInUse = Map.copyOf(permitsInUse);
  }
}
