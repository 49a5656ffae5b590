package dev.trunkbot.workflow;

import java.util.List;
import java.util.Map;

/** Pure DAG logic: which steps may run now, and what state the run is in. No I/O. */
final class Progression {
  private Progression() {}

  /**
   * Whether a step's dependencies succeeded. A dependency the run has no row for was added to the
   * workflow after the run started (a newer version): it counts as done.
   */
  static boolean depsDone(WorkflowDefinition def, String stepId, Map<String, StepState> states) {
    return def.step(stepId).orElseThrow().dependsOn().stream()
        .allMatch(d -> states.getOrDefault(d, StepState.SUCCEEDED) == StepState.SUCCEEDED);
  }

  /** PENDING steps whose dependencies all succeeded, in topological order. */
  static List<String> runnable(WorkflowDefinition def, Map<String, StepState> states) {
    return def.topologicalOrder().stream()
        .filter(id -> states.get(id) == StepState.PENDING && depsDone(def, id, states))
        .toList();
  }

  /** The state of an active run given its steps' states. */
  static RunState activeRunState(WorkflowDefinition def, Map<String, StepState> states) {
    if (states.values().stream().allMatch(s -> s == StepState.SUCCEEDED)) {
      return RunState.SUCCEEDED;
    }
    boolean moving = states.containsValue(StepState.RUNNING) || !runnable(def, states).isEmpty();
    if (!moving && states.containsValue(StepState.WAITING_APPROVAL)) {
      return RunState.WAITING_APPROVAL;
    }
    return RunState.RUNNING;
  }

  /** Succeeded steps that have an undo, in reverse dependency order. */
  static List<String> undoOrder(WorkflowDefinition def, Map<String, StepState> states) {
    return undoOrder(def, states, java.util.Set.of());
  }

  /**
   * Steps that have an undo and succeeded or, having recorded intents, may have acted before they
   * failed or stopped, in reverse dependency order.
   */
  static List<String> undoOrder(
      WorkflowDefinition def, Map<String, StepState> states, java.util.Set<String> intended) {
    List<String> order = new java.util.ArrayList<>(def.topologicalOrder());
    java.util.Collections.reverse(order);
    return order.stream()
        .filter(
            id ->
                (states.get(id) == StepState.SUCCEEDED
                        || (intended.contains(id)
                            && states.get(id) != null
                            && states.get(id) != StepState.UNDONE))
                    && def.step(id).orElseThrow().undo().isPresent())
        .toList();
  }

  /** The given steps and every step that depends on them, directly or not. */
  static java.util.Set<String> withDependents(WorkflowDefinition def, java.util.Set<String> roots) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>(roots);
    for (String id : def.topologicalOrder()) {
      if (def.step(id).orElseThrow().dependsOn().stream().anyMatch(out::contains)) {
        out.add(id);
      }
    }
    return out;
  }
}
