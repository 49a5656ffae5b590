package dev.trunkbot.workflow;

import java.util.Optional;
import java.util.Set;

/** Which runs {@link Engine#runs} returns, newest first. Empty sets / optionals mean "any". */
public record RunFilter(
    Optional<String> workflow, Set<RunState> states, Optional<String> requester, int limit) {
  public RunFilter {
    states = Set.copyOf(states);
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be within 1..10000, got " + limit);
    }
  }

  public static RunFilter all() {
    return new RunFilter(Optional.empty(), Set.of(), Optional.empty(), 100);
  }

  public RunFilter withStates(RunState... s) {
    return new RunFilter(workflow, Set.of(s), requester, limit);
  }

  public RunFilter withWorkflow(String name) {
    return new RunFilter(Optional.of(name), states, requester, limit);
  }

  public RunFilter withRequester(String who) {
    return new RunFilter(workflow, states, Optional.of(who), limit);
  }

  public RunFilter withLimit(int n) {
    return new RunFilter(workflow, states, requester, n);
  }
}
