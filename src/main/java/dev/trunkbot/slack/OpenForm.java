package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;

/** {@code /trunk create} and {@code /trunk plan}: opens the form with the command's trigger. */
final class OpenForm implements Subcommand {
  private final Bot bot;
  private final boolean plan;

  OpenForm(Bot bot, boolean plan) {
    this.bot = bot;
    this.plan = plan;
  }

  @Override
  public Response handle(Invocation inv, SlashCommandContext ctx) {
    View view =
        TrunkForm.view(
            plan,
            new Metadata(inv.channel(), inv.responseUrl(), "").encode(),
            bot.service().sandbox());
    boolean queued =
        bot.work()
            .submit(
                "views.open",
                () -> {
                  var r = ctx.client().viewsOpen(v -> v.triggerId(inv.triggerId()).view(view));
                  if (!r.isOk()) {
                    bot.say()
                        .privately(
                            inv.response(),
                            inv.channel(),
                            inv.actor().id(),
                            "Slack did not open the form (" + r.getError() + "); try again.");
                  }
                });
    return queued ? ctx.ack() : Subcommand.busy(ctx);
  }
}
