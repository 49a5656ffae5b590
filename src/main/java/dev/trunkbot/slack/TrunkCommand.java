package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.util.Locale;
import java.util.Map;

/** {@code /trunk SUBCOMMAND [ARG]}: hands each subcommand to its handler; unknown ones get help. */
final class TrunkCommand implements SlashCommandHandler {
  private final Map<String, Subcommand> subcommands;
  private final boolean sandbox;

  TrunkCommand(Map<String, Subcommand> subcommands, boolean sandbox) {
    this.subcommands = Map.copyOf(subcommands);
    this.sandbox = sandbox;
  }

  @Override
  public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
    String text = req.getPayload().getText() == null ? "" : req.getPayload().getText().strip();
    String[] words = text.split("\\s+", 2);
    String name = words[0].toLowerCase(Locale.ROOT);
    String arg = words.length > 1 ? words[1].strip() : "";
    Subcommand sub = subcommands.get(name);
    if (sub == null) {
      boolean asked = name.isEmpty() || name.equals("help");
      return Subcommand.privately(ctx, Answers.help(asked ? "" : text, sandbox));
    }
    return sub.handle(Invocation.of(req.getPayload(), arg), ctx);
  }
}
