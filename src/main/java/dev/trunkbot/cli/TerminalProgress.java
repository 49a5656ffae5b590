package dev.trunkbot.cli;

import dev.trunkbot.service.RunEvent;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.StepStatus;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** A line per step, redrawn in place on a terminal, with a progress bar for the DID assignment. */
final class TerminalProgress implements Progress {
  private static final int BAR = 30;

  private final PrintWriter out;
  private final Map<String, Line> lines = new LinkedHashMap<>();
  private int drawn;

  private static final class Line {
    final String title;
    StepStatus state = StepStatus.PENDING;
    String note = "";
    int done;
    int total;

    Line(String title) {
      this.title = title;
    }
  }

  TerminalProgress(PrintWriter out, RunSummary run) {
    this.out = out;
    run.steps()
        .forEach(
            s -> {
              Line line = new Line(s.title());
              line.state = s.state();
              lines.put(s.id(), line);
            });
    draw();
  }

  @Override
  public synchronized void on(RunEvent event) {
    if (event instanceof RunEvent.StepStarted e) {
      line(e.stepId()).state = StepStatus.RUNNING;
    } else if (event instanceof RunEvent.StepSucceeded e) {
      line(e.stepId()).state = StepStatus.SUCCEEDED;
      line(e.stepId()).note = "";
    } else if (event instanceof RunEvent.StepFailed e) {
      line(e.stepId()).note = (e.willRetry() ? "retrying: " : "") + e.error();
    } else if (event instanceof RunEvent.WaitingForApproval e) {
      line(e.stepId()).state = StepStatus.WAITING_APPROVAL;
    } else if (event instanceof RunEvent.ApprovalDecided e) {
      line(e.stepId()).note = e.decision().toLowerCase(java.util.Locale.ROOT) + " by " + e.by();
    } else if (event instanceof RunEvent.Progress e) {
      line(e.stepId()).done = Math.max(line(e.stepId()).done, e.done());
      line(e.stepId()).total = e.total();
    } else if (event instanceof RunEvent.StepUndone e) {
      line(e.stepId()).state = StepStatus.UNDONE;
    }
    draw();
  }

  @Override
  public synchronized void finish(RunSummary run) {
    run.steps()
        .forEach(
            s -> {
              Line line = line(s.id());
              line.state = s.state();
              line.note = s.error().filter(x -> s.state() == StepStatus.FAILED).orElse(line.note);
            });
    draw();
  }

  private Line line(String stepId) {
    return lines.computeIfAbsent(stepId, Line::new);
  }

  private void draw() {
    StringBuilder frame = new StringBuilder();
    if (drawn > 0) {
      frame.append("\033[").append(drawn).append('F');
    }
    for (Line line : lines.values()) {
      frame.append("\033[2K ").append(symbol(line.state)).append(' ').append(line.title);
      if (line.total > 0 && line.state != StepStatus.SUCCEEDED) {
        int filled = (int) ((long) BAR * line.done / line.total);
        frame
            .append("  [")
            .append("#".repeat(filled))
            .append("-".repeat(BAR - filled))
            .append("] ")
            .append(line.done)
            .append('/')
            .append(line.total);
      }
      if (line.state == StepStatus.WAITING_APPROVAL && line.note.isEmpty()) {
        frame.append("  (waiting for approval)");
      }
      if (!line.note.isEmpty()) {
        String note = line.note.replace('\n', ' ');
        frame
            .append("  (")
            .append(note.length() > 120 ? note.substring(0, 117) + "..." : note)
            .append(')');
      }
      frame.append('\n');
    }
    drawn = lines.size();
    out.print(frame);
    out.flush();
  }

  private static String symbol(StepStatus state) {
    switch (state) {
      case RUNNING:
        return "»";
      case WAITING_APPROVAL:
        return "?";
      case SUCCEEDED:
        return "✓";
      case FAILED:
        return "✗";
      case CANCELLED:
        return "-";
      case UNDONE:
        return "↺";
      default:
        return "·";
    }
  }
}
