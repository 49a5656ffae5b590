package dev.trunkbot.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.trunkbot.service.ApprovalSummary;
import dev.trunkbot.service.RunSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The approval request in a run's thread: what approving does (how many DIDs to which trunk), who
 * may decide, and Approve / Reject while it waits; who decided and when, without buttons, after.
 */
final class ApprovalRequest {
  private ApprovalRequest() {}

  static Message render(RunSummary run, ApprovalSummary approval) {
    List<LayoutBlock> blocks = new ArrayList<>();
    String sandbox = run.sandbox() ? ":test_tube: SANDBOX · " : "";
    blocks.add(
        Kit.section(
            "approval",
            sandbox
                + ":raised_hand: *Approval needed before DIDs are routed*\n"
                + Mrkdwn.escape(approval.request())
                + "\nAsked by "
                + Mrkdwn.who(run.requester())
                + " · trunk "
                + Mrkdwn.code(run.terminationUri())));
    String text;
    switch (approval.state()) {
      case PENDING -> {
        blocks.add(Kit.context("who", "Who may decide: " + Mrkdwn.escape(approval.whoMayDecide())));
        blocks.add(
            Kit.actions(
                "decide",
                Kit.button(Ids.APPROVE, "Approve", run.id(), "primary"),
                Kit.button(Ids.REJECT, "Reject", run.id(), "danger")));
        text = "Approval needed: " + approval.request();
      }
      default -> {
        String decision = decision(approval);
        blocks.add(Kit.context("decided", decision));
        text = "Approval " + approval.state().name().toLowerCase(java.util.Locale.ROOT);
      }
    }
    return new Message(text, blocks);
  }

  private static String decision(ApprovalSummary approval) {
    String verb =
        switch (approval.state()) {
          case APPROVED -> ":white_check_mark: Approved";
          case REJECTED -> ":no_entry: Rejected";
          case EXPIRED -> ":hourglass: Expired";
          case PENDING -> "Waiting";
        };
    StringBuilder s = new StringBuilder(verb);
    approval.decidedBy().ifPresent(by -> s.append(" by ").append(Mrkdwn.who(by)));
    approval.decidedAt().ifPresent(at -> s.append(" at ").append(Mrkdwn.when(at)));
    approval
        .reason()
        .filter(r -> !r.isBlank())
        .ifPresent(r -> s.append(": ").append(Mrkdwn.escape(Mrkdwn.cut(r, 1_000))));
    return s.toString();
  }
}
