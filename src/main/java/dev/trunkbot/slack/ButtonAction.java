package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

/**
 * A button. A decision (approve, roll back) is stored before the ack when it takes less than {@link
 * Work#DECIDED_BEFORE_ACK}, so a click acknowledged is a click acted on even if this replica dies
 * the next moment; the clicker's private answer follows after the ack. Other clicks are
 * acknowledged at once and their work follows.
 */
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
        switch (kind()) {
          case DECIDES -> bot.work().decide(name, () -> act(click, ctx), t -> click.tell(bot, t));
          case CALLS_SLACK -> bot.work().submit(name, () -> answer(click, act(click, ctx)));
          case READS_VENDORS -> bot.work().slow(name, () -> answer(click, act(click, ctx)));
        };
    if (!queued) {
      click.tell(bot, "trunkbot is stopping or too busy right now; try again in a minute.");
    }
    return ctx.ack();
  }

  private void answer(Click click, String text) {
    if (text != null) {
      click.tell(bot, text);
    }
  }

  /** How a click's work runs. */
  enum Kind {
    /** Stores a decision: before the ack when it can. */
    DECIDES,
    /** Calls Slack (opens a form): after the ack. */
    CALLS_SLACK,
    /** May wait on Twilio or PortSIP: after the ack, in the pool of slow work. */
    READS_VENDORS
  }

  abstract Kind kind();

  /** What the click does; returns the clicker's private answer, or null when it answered itself. */
  abstract String act(Click click, ActionContext ctx) throws Exception;
}
