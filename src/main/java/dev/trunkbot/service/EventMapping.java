package dev.trunkbot.service;

import dev.trunkbot.workflow.WorkflowEvent;

/** The engine's events as front ends receive them. */
final class EventMapping {
  private EventMapping() {}

  static RunEvent of(WorkflowEvent e) {
    String run = e.runId().value();
    if (e instanceof WorkflowEvent.StepStarted s) {
      return new RunEvent.StepStarted(run, s.seq(), s.at(), s.stepId(), s.title(), s.attempt());
    } else if (e instanceof WorkflowEvent.StepSucceeded s) {
      return new RunEvent.StepSucceeded(run, s.seq(), s.at(), s.stepId(), s.title());
    } else if (e instanceof WorkflowEvent.StepFailed s) {
      return new RunEvent.StepFailed(
          run, s.seq(), s.at(), s.stepId(), s.title(), s.attempt(), s.error(), s.willRetry());
    } else if (e instanceof WorkflowEvent.WaitingForApproval s) {
      return new RunEvent.WaitingForApproval(run, s.seq(), s.at(), s.stepId(), s.request());
    } else if (e instanceof WorkflowEvent.ApprovalDecided s) {
      return new RunEvent.ApprovalDecided(
          run, s.seq(), s.at(), s.stepId(), s.decision(), Actor.parse(s.by()));
    } else if (e instanceof WorkflowEvent.Progress s) {
      return new RunEvent.Progress(run, s.seq(), s.at(), s.stepId(), s.done(), s.total());
    } else if (e instanceof WorkflowEvent.StepUndone s) {
      return new RunEvent.StepUndone(run, s.seq(), s.at(), s.stepId(), s.title());
    }
    WorkflowEvent.RunFinished f = (WorkflowEvent.RunFinished) e;
    return new RunEvent.RunFinished(
        run, f.seq(), f.at(), RunStatus.valueOf(f.state().name()), f.error());
  }
}
