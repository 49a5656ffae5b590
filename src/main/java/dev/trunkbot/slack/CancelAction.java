package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import dev.trunkbot.service.ActionResult;

/** Stop, confirmed in Slack's dialog: the service checks who may and cancels the run. */
final class CancelAction extends ButtonAction {
  CancelAction(Bot bot) {
    super(bot, "cancel");
  }

  @Override
  Kind kind() {
    return Kind.DECIDES;
  }

  @Override
  String act(Click click, ActionContext ctx) {
    ActionResult result = bot.service().cancel(click.value(), click.actor());
    if (result instanceof ActionResult.Accepted a) {
      return ":octagonal_sign: Run "
          + Mrkdwn.code(a.run().id())
          + " stops where it stands: its status message shows where.";
    }
    return ":no_entry: " + Mrkdwn.escape(((ActionResult.Refused) result).reason());
  }
}
