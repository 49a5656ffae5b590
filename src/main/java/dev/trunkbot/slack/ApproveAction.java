package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import dev.trunkbot.service.DecisionOutcome;

/**
 * Approve in an approval request. The service decides who may; anyone refused is told privately who
 * may instead, and of two approvers at once the second is told who decided. The request itself is
 * redrawn by the status board from the run, so it shows the decision wherever it was made.
 */
final class ApproveAction extends ButtonAction {
  ApproveAction(Bot bot) {
    super(bot, "approve");
  }

  @Override
  Kind kind() {
    return Kind.DECIDES;
  }

  @Override
  String act(Click click, ActionContext ctx) {
    return say(bot.service().approve(click.value(), click.actor(), ""));
  }

  static String say(DecisionOutcome outcome) {
    if (outcome instanceof DecisionOutcome.Decided d) {
      return ":white_check_mark: Done: you decided on run " + Mrkdwn.code(d.run().id()) + ".";
    }
    if (outcome instanceof DecisionOutcome.NotAllowed n) {
      return ":no_entry: " + Mrkdwn.escape(n.reason());
    }
    if (outcome instanceof DecisionOutcome.AlreadyDecided a) {
      return "Already decided: "
          + Mrkdwn.escape(a.decision())
          + " by "
          + Mrkdwn.who(a.by())
          + " at "
          + Mrkdwn.when(a.at())
          + ".";
    }
    return Mrkdwn.escape(((DecisionOutcome.NotWaiting) outcome).reason());
  }
}
