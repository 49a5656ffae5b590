package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

/** A button: acknowledged at once, then {@link #act} runs as slow work. */
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
    bot.work().submit(name, () -> act(click, ctx));
    return ctx.ack();
  }

  /** What the click does, after the ack; answers the clicker with {@link Click#tell}. */
  abstract void act(Click click, ActionContext ctx) throws Exception;
}
