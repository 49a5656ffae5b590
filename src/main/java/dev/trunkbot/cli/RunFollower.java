package dev.trunkbot.cli;

import dev.trunkbot.workflow.ApprovalOutcome;
import dev.trunkbot.workflow.RunId;
import dev.trunkbot.workflow.RunState;
import dev.trunkbot.workflow.RunView;
import dev.trunkbot.workflow.WorkflowEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows one run until it settles: shows its events as they come, approves it when told to, and
 * answers the run as it stands at the end (or when the time is up).
 */
final class RunFollower {
  static final String AUTO_APPROVER = "cli:auto-approve";

  private final Backend backend;
  private final PrintWriter progressOut;
  private final boolean terminal;
  private final List<WorkflowEvent> early = new ArrayList<>();
  private final java.util.concurrent.ExecutorService approver =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "auto-approve");
            t.setDaemon(true);
            return t;
          });
  private RunId followed;
  private Progress progress;
  private boolean autoApprove;

  /** Subscribes at once, so that no event of a run started after this is missed. */
  RunFollower(Backend backend, PrintWriter progressOut, boolean terminal) {
    this.backend = backend;
    this.progressOut = progressOut;
    this.terminal = terminal;
    backend.subscribe(this::onEvent);
  }

  private synchronized void onEvent(WorkflowEvent event) {
    if (progress == null) {
      early.add(event);
    } else if (event.runId().equals(followed)) {
      progress.on(event);
      if (autoApprove && event instanceof WorkflowEvent.WaitingForApproval w) {
        approver.execute(() -> approve(w.stepId()));
      }
    }
  }

  /** Approves at once, from another thread than the engine's delivery thread. */
  private void approve(String stepId) {
    ApprovalOutcome outcome =
        backend.engine().approve(followed, stepId, AUTO_APPROVER, "--auto-approve");
    if (!(outcome instanceof ApprovalOutcome.Decided)
        && !(outcome instanceof ApprovalOutcome.AlreadyDecided)) {
      progressOut.println("auto-approval of " + stepId + " was refused: " + outcome);
      progressOut.flush();
    }
  }

  /**
   * Shows the run's events (also those that came before this call) until it settles. With {@code
   * autoApprove} a step waiting for approval is approved as {@value #AUTO_APPROVER}.
   */
  RunView follow(RunId runId, boolean autoApprove, Duration timeout) throws InterruptedException {
    RunView start =
        backend.engine().run(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
    synchronized (this) {
      followed = runId;
      this.autoApprove = autoApprove;
      progress = Progress.forOutput(progressOut, terminal, start);
      for (WorkflowEvent e : early) {
        if (e.runId().equals(runId)) {
          if (!terminal) {
            progress.on(e);
          }
          if (autoApprove && e instanceof WorkflowEvent.WaitingForApproval w) {
            approver.execute(() -> approve(w.stepId()));
          }
        }
      }
      early.clear();
    }
    Instant deadline = Instant.now().plus(timeout);
    RunView run = start;
    while (true) {
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.isNegative() || left.isZero()) {
        break;
      }
      Optional<RunView> settled = backend.engine().awaitSettled(runId, left);
      if (settled.isEmpty()) {
        break;
      }
      run = settled.get();
      if (run.state() == RunState.WAITING_APPROVAL && autoApprove) {
        approveWaitingSteps(run); // in case its event came before this follower listened
        continue;
      }
      if (run.state().settled()) {
        break;
      }
    }
    run = backend.engine().run(runId).orElse(run);
    progress.finish(run);
    approver.shutdown();
    return run;
  }

  private void approveWaitingSteps(RunView run) {
    for (RunView.StepView step : run.steps()) {
      if (step.state() == dev.trunkbot.workflow.StepState.WAITING_APPROVAL) {
        ApprovalOutcome outcome =
            backend.engine().approve(run.id(), step.id(), AUTO_APPROVER, "--auto-approve");
        if (!(outcome instanceof ApprovalOutcome.Decided)
            && !(outcome instanceof ApprovalOutcome.AlreadyDecided)) {
          throw new IllegalStateException(
              "auto-approval of " + step.id() + " was refused: " + outcome);
        }
      }
    }
  }

  static boolean isTerminal() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }
}
