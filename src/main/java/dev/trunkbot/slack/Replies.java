package dev.trunkbot.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.StepStatus;
import dev.trunkbot.service.StepSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The thread replies that need eyes: a failure, the final summary, a rollback's result. */
final class Replies {
  private Replies() {}

  /** The failed steps with Twilio's or PortSIP's code and message, what to do, and Retry. */
  static Message failure(RunSummary run) {
    List<String> lines = new ArrayList<>();
    for (StepSummary step : run.steps()) {
      if (step.state() == StepStatus.FAILED) {
        lines.add(
            ":x: *"
                + Mrkdwn.escape(step.title())
                + "* failed"
                + (step.attempts() > 1 ? " (attempt " + step.attempts() + ")" : "")
                + step.error().map(e -> "\n" + Mrkdwn.quote(Mrkdwn.cut(e, 1_200))).orElse(""));
      }
    }
    if (lines.isEmpty()) {
      lines.add(
          ":x: *The run failed*"
              + run.error().map(e -> "\n" + Mrkdwn.quote(Mrkdwn.cut(e, 1_200))).orElse(""));
    }
    lines.set(0, sandbox(run) + lines.get(0));
    List<LayoutBlock> blocks = new ArrayList<>(Kit.sections("failed-", lines, 10));
    blocks.add(
        Kit.section(
            "what-to-do",
            "*What to do:* fix what the message says (on Twilio, on the PBX, or in the spec), then"
                + " press *Retry*: steps that succeeded are not repeated. To undo what this run made,"
                + " an approver runs `/trunk rollback "
                + run.id()
                + "`."));
    blocks.add(Kit.actions("retry", Kit.button(Ids.RETRY, "Retry", run.id(), "primary")));
    return new Message("Run of trunk " + run.trunk() + " failed", blocks);
  }

  /** Termination URI, trunk SID, PortSIP trunk, DIDs per tenant; never the password. */
  static Message summary(RunSummary run) {
    var r = run.resources();
    String tenants =
        r.tenantPools().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> "• " + Mrkdwn.escape(e.getKey()) + ": " + Mrkdwn.code(e.getValue()))
            .collect(Collectors.joining("\n"));
    String text =
        sandbox(run)
            + ":tada: *Trunk "
            + Mrkdwn.escape(run.trunk())
            + " is ready*\nTermination URI: "
            + Mrkdwn.code(run.terminationUri())
            + "\nTwilio trunk: "
            + r.trunkSid().map(Mrkdwn::code).orElse("_unknown_")
            + "\nPortSIP trunk: "
            + r.portsipTrunkId().map(Mrkdwn::code).orElse("_unknown_")
            + "\nDIDs ("
            + r.didCount()
            + "): "
            + Mrkdwn.code(Mrkdwn.cut(r.dids(), 1_000))
            + (tenants.isEmpty() ? "" : "\nDIDs per tenant:\n" + tenants);
    return new Message("Trunk " + run.trunk() + " is ready", List.of(Kit.section("summary", text)));
  }

  /** What a rollback undid, or where it stands. */
  static Message rollback(RunSummary run) {
    List<String> undone =
        run.steps().stream()
            .filter(s -> s.state() == StepStatus.UNDONE)
            .map(s -> "• " + Mrkdwn.escape(s.title()))
            .toList();
    String text =
        sandbox(run)
            + ":leftwards_arrow_with_hook: *Rolled back.* "
            + (undone.isEmpty()
                ? "Nothing this run made needed undoing."
                : "Undone, in reverse order:\n" + String.join("\n", undone))
            + "\nWhat existed before the run was left alone.";
    return new Message(
        "Run of trunk " + run.trunk() + " rolled back", Kit.sections("rb-", List.of(text), 5));
  }

  /** A run stopped where it stood. */
  static Message cancelled(RunSummary run) {
    return new Message(
        "Run cancelled",
        List.of(
            Kit.section(
                "cancelled",
                sandbox(run)
                    + ":no_entry_sign: *Cancelled.* What the run made stays; an approver can undo it with"
                    + " `/trunk rollback "
                    + run.id()
                    + "`.")));
  }

  static String sandbox(RunSummary run) {
    return run.sandbox() ? ":test_tube: SANDBOX · " : "";
  }
}
