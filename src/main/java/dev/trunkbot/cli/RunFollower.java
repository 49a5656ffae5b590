package dev.trunkbot.cli;

import dev.trunkbot.service.RunEvent;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.Subscription;
import dev.trunkbot.service.TrunkService;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shows a run's events as they come until the run settles (or the time is up), and answers the run
 * as it stands at the end. Listens from construction on, so that no event of a run started after it
 * is missed.
 */
final class RunFollower implements AutoCloseable {
  private final TrunkService service;
  private final PrintWriter progressOut;
  private final boolean terminal;
  private final List<RunEvent> early = new ArrayList<>();
  private final Subscription subscription;
  private String followed;
  private Progress progress;

  RunFollower(TrunkService service, PrintWriter progressOut, boolean terminal) {
    this.service = service;
    this.progressOut = progressOut;
    this.terminal = terminal;
    this.subscription = service.subscribe(Optional.empty(), this::onEvent);
  }

  private synchronized void onEvent(RunEvent event) {
    if (progress == null) {
      early.add(event);
    } else if (event.runId().equals(followed)) {
      progress.on(event);
    }
  }

  /** Shows the run's events (also those since this follower was made) until it settles. */
  RunSummary follow(String runId, Duration timeout) throws InterruptedException {
    RunSummary start = service.run(runId);
    synchronized (this) {
      followed = runId;
      progress = Progress.forOutput(progressOut, terminal, start);
      if (!terminal) {
        early.stream().filter(e -> e.runId().equals(runId)).forEach(progress::on);
      }
      early.clear();
    }
    RunSummary run = service.awaitSettled(runId, timeout).orElseGet(() -> service.run(runId));
    progress.finish(run);
    return run;
  }

  @Override
  public void close() {
    subscription.close();
  }

  static boolean isTerminal() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }
}
