package dev.trunkbot.workflow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps every event it got. */
final class Recorder implements WorkflowListener {
  final List<WorkflowEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void onEvent(WorkflowEvent event) {
    events.add(event);
  }

  List<WorkflowEvent> of(RunId run) {
    return events.stream().filter(e -> e.runId().equals(run)).toList();
  }

  boolean finished(RunId run) {
    return of(run).stream().anyMatch(e -> e instanceof WorkflowEvent.RunFinished);
  }
}
