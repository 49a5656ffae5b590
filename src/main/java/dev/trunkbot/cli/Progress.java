package dev.trunkbot.cli;

import dev.trunkbot.service.RunEvent;
import dev.trunkbot.service.RunSummary;
import java.io.PrintWriter;

/** Shows a run's steps as they happen. Called from the service's delivery thread. */
interface Progress {
  void on(RunEvent event);

  /** The run has settled; a live view draws its last frame. */
  default void finish(RunSummary run) {}

  /** A redrawn view of every step on a terminal, plain lines otherwise. */
  static Progress forOutput(PrintWriter out, boolean terminal, RunSummary run) {
    return terminal ? new TerminalProgress(out, run) : new PlainProgress(out);
  }
}
