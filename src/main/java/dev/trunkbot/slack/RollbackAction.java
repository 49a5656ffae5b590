package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import dev.trunkbot.service.ActionResult;

/** Roll back, confirmed in Slack's dialog: the service checks who may and undoes the run. */
final class RollbackAction extends ButtonAction {
  RollbackAction(Bot bot) {
    super(bot, "rollback");
  }

  @Override
  Kind kind() {
    return Kind.DECIDES;
  }

  @Override
  String act(Click click, ActionContext ctx) {
    return say(bot.service().rollback(click.value(), click.actor()));
  }

  static String say(ActionResult result) {
    if (result instanceof ActionResult.Accepted a) {
      return ":leftwards_arrow_with_hook: Rolling back run "
          + Mrkdwn.code(a.run().id())
          + ": the thread of its status message shows the result.";
    }
    return ":no_entry: " + Mrkdwn.escape(((ActionResult.Refused) result).reason());
  }
}
