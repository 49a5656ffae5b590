package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.trunkbot.service.NoSuchRunException;
import dev.trunkbot.service.TrunkService;

/**
 * {@code /trunk status [TRUNK|RUN]}: a run, or a trunk's latest run and whether Twilio and PortSIP
 * still match it (slow: read after the ack). Without an argument, the recent runs.
 */
final class StatusCommand implements Subcommand {
  private final Bot bot;

  StatusCommand(Bot bot) {
    this.bot = bot;
  }

  @Override
  public Response handle(Invocation inv, SlashCommandContext ctx) {
    if (inv.arg().isEmpty()) {
      return new ListCommand(bot).handle(inv, ctx);
    }
    boolean queued =
        bot.work()
            .slow(
                "/trunk status",
                () ->
                    bot.say()
                        .privately(
                            inv.response(),
                            inv.channel(),
                            inv.actor().id(),
                            answer(bot.service(), inv.arg(), true)));
    return queued
        ? Subcommand.privately(
            ctx,
            new Message(
                "Looking it up",
                java.util.List.of(
                    Kit.context(
                        "wait",
                        ":mag: Looking up " + Mrkdwn.code(inv.arg()) + " on Twilio and PortSIP…"))))
        : Subcommand.busy(ctx);
  }

  /** A run by id, else a trunk by name, label or URI, else what to try. */
  static Message answer(TrunkService service, String query, boolean shareable) {
    try {
      return Answers.run(service.run(query), shareable);
    } catch (NoSuchRunException notARun) {
      return service
          .status(query)
          .map(report -> Answers.trunk(report, shareable))
          .orElseGet(
              () ->
                  new Message(
                      "Nothing found",
                      java.util.List.of(
                          Kit.section(
                              "none",
                              "No run and no trunk "
                                  + Mrkdwn.code(query)
                                  + ": `/trunk list` shows the recent runs."))));
    } catch (RuntimeException e) {
      return new Message(
          "Status failed", java.util.List.of(Kit.section("error", Failures.forUser(e))));
    }
  }
}
