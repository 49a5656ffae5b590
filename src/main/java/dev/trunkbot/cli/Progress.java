package dev.trunkbot.cli;

import dev.trunkbot.workflow.RunView;
import dev.trunkbot.workflow.WorkflowEvent;
import java.io.PrintWriter;

/** Shows a run's steps as they happen. Called from the engine's delivery thread. */
interface Progress {
  void on(WorkflowEvent event);

  /** The run has settled; a live view draws its last frame. */
  default void finish(RunView run) {}

  /** A redrawn view of every step on a terminal, plain lines otherwise. */
  static Progress forOutput(PrintWriter out, boolean terminal, RunView run) {
    return terminal ? new TerminalProgress(out, run) : new PlainProgress(out);
  }
}
