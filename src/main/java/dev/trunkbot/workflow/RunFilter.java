package dev.trunkbot.workflow;

import java.util.Optional;
import java.util.Set;

/**
 * Which runs {@link Engine#runs} returns, newest first. Empty sets / optionals mean "any". Lookups
 * by business key and subject use indexes.
 */
public record RunFilter(
    Optional<String> workflow,
    Set<RunState> states,
    Optional<String> requester,
    Optional<String> businessKey,
    Optional<String> subject,
    int limit) {
  public RunFilter {
    states = Set.copyOf(states);
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be within 1..10000, got " + limit);
    }
  }

  public static RunFilter all() {
    return new RunFilter(
        Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), 100);
  }

  public RunFilter withStates(RunState... s) {
    return new RunFilter(workflow, Set.of(s), requester, businessKey, subject, limit);
  }

  public RunFilter withWorkflow(String name) {
    return new RunFilter(Optional.of(name), states, requester, businessKey, subject, limit);
  }

  public RunFilter withRequester(String who) {
    return new RunFilter(workflow, states, Optional.of(who), businessKey, subject, limit);
  }

  public RunFilter withBusinessKey(String key) {
    return new RunFilter(workflow, states, requester, Optional.of(key), subject, limit);
  }

  public RunFilter withSubject(String s) {
    return new RunFilter(workflow, states, requester, businessKey, Optional.of(s), limit);
  }

  public RunFilter withLimit(int n) {
    return new RunFilter(workflow, states, requester, businessKey, subject, n);
  }
}
