package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.trunkbot.service.ActionResult;

/** Retry in a failure reply: resumes the run (its failed steps run again). */
final class RetryAction implements BlockActionHandler {
  private final Bot bot;

  RetryAction(Bot bot) {
    this.bot = bot;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    Click click = Click.of(req.getPayload());
    bot.work()
        .submit(
            "retry",
            () -> click.tell(bot, say(bot.service().resume(click.value(), click.actor()))));
    return ctx.ack();
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
