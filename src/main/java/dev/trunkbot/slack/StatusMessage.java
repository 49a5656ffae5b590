package dev.trunkbot.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.StepStatus;
import dev.trunkbot.service.StepSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The one message per run, edited in place: every step of the guide with its state, the DID
 * progress, who asked, trunk and termination URI, and SANDBOX when it is. Drawn from the run's
 * whole summary, never from events, so drawing it twice gives the same message.
 */
final class StatusMessage {
  static final String DIDS_STEP = "assign-dids";
  private static final int ERROR = 600;

  private StatusMessage() {}

  static Message render(RunSummary run) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Kit.section("run", header(run)));
    for (StepSummary step : run.steps()) {
      blocks.add(Kit.section("step-" + step.id(), line(step)));
    }
    blocks.add(
        Kit.context(
            "meta", "Run " + Mrkdwn.code(run.id()) + " · updated " + Mrkdwn.when(run.updatedAt())));
    long done = run.steps().stream().filter(s -> s.state() == StepStatus.SUCCEEDED).count();
    String text =
        (run.sandbox() ? "SANDBOX: " : "")
            + "trunk "
            + run.trunk()
            + " — "
            + Labels.run(run.state())
            + " ("
            + done
            + "/"
            + run.steps().size()
            + " steps done)";
    return new Message(text, blocks);
  }

  private static String header(RunSummary run) {
    StringBuilder s = new StringBuilder();
    if (run.sandbox()) {
      s.append(":test_tube: *SANDBOX* (emulators, nothing real is touched)\n");
    }
    s.append(Labels.runEmoji(run.state()))
        .append(" *Trunk ")
        .append(Mrkdwn.escape(run.trunk()))
        .append("* — ")
        .append(Labels.run(run.state()))
        .append("\nTermination URI ")
        .append(Mrkdwn.code(run.terminationUri()))
        .append(" · DIDs ")
        .append(didProgress(run))
        .append(" · asked by ")
        .append(Mrkdwn.who(run.requester()));
    run.error().ifPresent(e -> s.append('\n').append(Mrkdwn.quote(Mrkdwn.cut(e, ERROR))));
    return s.toString();
  }

  /** {@code 120/500}: DIDs routed of all. */
  static String didProgress(RunSummary run) {
    long total = run.resources().didCount();
    return run.step(DIDS_STEP)
        .map(
            s ->
                s.progress()
                    .map(p -> p.done() + "/" + p.total())
                    .orElse((s.state() == StepStatus.SUCCEEDED ? total : 0) + "/" + total))
        .orElse(Long.toString(total));
  }

  private static String line(StepSummary step) {
    StringBuilder s =
        new StringBuilder(Labels.stepEmoji(step.state()))
            .append(" *")
            .append(Mrkdwn.escape(step.title()))
            .append("* — ")
            .append(Labels.step(step.state()));
    step.progress().ifPresent(p -> s.append(" · ").append(p));
    if (step.state() == StepStatus.SUCCEEDED) {
      String counts = counts(step);
      if (!counts.isEmpty()) {
        s.append(" · ").append(counts);
      }
    }
    if (step.attempts() > 1) {
      s.append(" · attempt ").append(step.attempts());
    }
    if (step.state() == StepStatus.FAILED || step.state() == StepStatus.RUNNING) {
      step.error().ifPresent(e -> s.append('\n').append(Mrkdwn.quote(Mrkdwn.cut(e, ERROR))));
    }
    return s.toString();
  }

  private static String counts(StepSummary step) {
    List<String> parts = new ArrayList<>();
    if (step.created() > 0) {
      parts.add(step.created() + " created");
    }
    if (step.updated() > 0) {
      parts.add(step.updated() + " corrected");
    }
    if (step.found() > 0) {
      parts.add(step.found() + " found as asked");
    }
    return String.join(", ", parts);
  }
}
