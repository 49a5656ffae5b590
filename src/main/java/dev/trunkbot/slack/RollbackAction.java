package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.trunkbot.service.ActionResult;

/** Roll back, confirmed in Slack's dialog: the service checks who may and undoes the run. */
final class RollbackAction implements BlockActionHandler {
  private final Bot bot;

  RollbackAction(Bot bot) {
    this.bot = bot;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    Click click = Click.of(req.getPayload());
    bot.work()
        .submit(
            "rollback",
            () -> click.tell(bot, say(bot.service().rollback(click.value(), click.actor()))));
    return ctx.ack();
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
