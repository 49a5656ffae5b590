package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.trunkbot.service.TrunkService;

/** {@code /trunk list}: the recent runs, newest first. */
final class ListCommand implements Subcommand {
  static final int RUNS = 15;
  private final Bot bot;

  ListCommand(Bot bot) {
    this.bot = bot;
  }

  @Override
  public Response handle(Invocation inv, SlashCommandContext ctx) {
    boolean queued =
        bot.work()
            .submit(
                "/trunk list",
                () ->
                    bot.say()
                        .privately(
                            inv.response(),
                            inv.channel(),
                            inv.actor().id(),
                            answer(bot.service(), true)));
    return queued ? ctx.ack() : Subcommand.busy(ctx);
  }

  static Message answer(TrunkService service, boolean shareable) {
    return Answers.list(service.list(RUNS), service.sandbox(), shareable);
  }
}
