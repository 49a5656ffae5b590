package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

/** A button: acknowledged at once, then {@link #act} runs after the ack. */
abstract class ButtonAction implements BlockActionHandler {
  protected final Bot bot;
  private final String name;

  ButtonAction(Bot bot, String name) {
    this.bot = bot;
    this.name = name;
  }

  @Override
  public final Response apply(BlockActionRequest req, ActionContext ctx) {
    Click click = Click.of(req.getPayload());
    boolean queued =
        readsTwilioOrPortsip()
            ? bot.work().slow(name, () -> act(click, ctx))
            : bot.work().submit(name, () -> act(click, ctx));
    if (!queued) {
      click.tell(bot, "trunkbot is stopping or too busy right now; try again in a minute.");
    }
    return ctx.ack();
  }

  /** True for work that may wait on Twilio or PortSIP (it goes to the slow pool). */
  boolean readsTwilioOrPortsip() {
    return false;
  }

  /** What the click does, after the ack; answers the clicker with {@link Click#tell}. */
  abstract void act(Click click, ActionContext ctx) throws Exception;
}
