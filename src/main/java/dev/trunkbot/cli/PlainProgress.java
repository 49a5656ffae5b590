package dev.trunkbot.cli;

import dev.trunkbot.service.RunEvent;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Progress as plain lines, one per event: for logs, pipes and CI, where a redrawn screen would be
 * noise.
 */
final class PlainProgress implements Progress {
  private final PrintWriter out;
  private final Map<String, Integer> lastTenth = new HashMap<>();

  PlainProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void on(RunEvent event) {
    String line = line(event);
    if (line != null) {
      out.println(line);
      out.flush();
    }
  }

  private String line(RunEvent event) {
    if (event instanceof RunEvent.StepStarted e) {
      return e.attempt() > 1
          ? "[" + e.stepId() + "] started again (attempt " + e.attempt() + "): " + e.title()
          : "[" + e.stepId() + "] started: " + e.title();
    } else if (event instanceof RunEvent.StepSucceeded e) {
      return "[" + e.stepId() + "] succeeded";
    } else if (event instanceof RunEvent.StepFailed e) {
      return "["
          + e.stepId()
          + "] "
          + (e.willRetry() ? "failed, will retry" : "failed")
          + " (attempt "
          + e.attempt()
          + "): "
          + e.error();
    } else if (event instanceof RunEvent.WaitingForApproval e) {
      return "[" + e.stepId() + "] waiting for approval: " + e.request();
    } else if (event instanceof RunEvent.ApprovalDecided e) {
      return "["
          + e.stepId()
          + "] "
          + e.decision().toLowerCase(java.util.Locale.ROOT)
          + " by "
          + e.by();
    } else if (event instanceof RunEvent.Progress e) {
      return progressLine(e);
    } else if (event instanceof RunEvent.StepUndone e) {
      return "[" + e.stepId() + "] undone";
    } else if (event instanceof RunEvent.RunFinished e) {
      return "run "
          + e.state()
          + (e.error() == null || e.error().isEmpty() ? "" : ": " + e.error());
    }
    return null;
  }

  /**
   * One line per tenth of the way, so 10,000 DIDs make ten lines, not ten thousand. Counts from
   * concurrent calls can arrive out of order: only a count beyond the last one shown is shown.
   */
  private String progressLine(RunEvent.Progress e) {
    int tenth = e.total() == 0 ? 10 : (int) ((long) e.done() * 10 / e.total());
    Integer last = lastTenth.get(e.stepId());
    if (last != null && tenth <= last) {
      return null;
    }
    lastTenth.put(e.stepId(), tenth);
    return "[" + e.stepId() + "] " + e.done() + "/" + e.total() + "";
  }
}
