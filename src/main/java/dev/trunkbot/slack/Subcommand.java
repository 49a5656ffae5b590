package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;

/** One {@code /trunk} subcommand: answers within the ack, or acks and answers later. */
@FunctionalInterface
interface Subcommand {
  Response handle(Invocation inv, SlashCommandContext ctx);

  /** An answer only the person who typed the command sees. */
  static Response privately(SlashCommandContext ctx, Message m) {
    return ctx.ack(r -> r.responseType("ephemeral").text(m.text()).blocks(m.blocks()));
  }

  static Response busy(SlashCommandContext ctx) {
    return ctx.ack(
        r ->
            r.responseType("ephemeral")
                .text("trunkbot is stopping or too busy right now; try again in a minute."));
  }
}
