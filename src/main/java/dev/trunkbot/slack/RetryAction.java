package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import dev.trunkbot.service.ActionResult;

/** Retry in a failure reply: resumes the run (its failed steps run again). */
final class RetryAction extends ButtonAction {
  RetryAction(Bot bot) {
    super(bot, "retry");
  }

  @Override
  Kind kind() {
    return Kind.READS_VENDORS;
  }

  @Override
  String act(Click click, ActionContext ctx) {
    return say(bot.service().resume(click.value(), click.actor()));
  }

  static String say(ActionResult result) {
    if (result instanceof ActionResult.Accepted a) {
      return ":arrows_counterclockwise: Retrying run "
          + Mrkdwn.code(a.run().id())
          + ": its status message shows the steps.";
    }
    return Mrkdwn.escape(((ActionResult.Refused) result).reason());
  }
}
