package dev.trunkbot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import dev.trunkbot.service.Actor;
import java.util.Optional;

/** One {@code /trunk} command as typed: who, where, the subcommand's argument. */
record Invocation(Actor actor, String channel, String responseUrl, String triggerId, String arg) {
  static Invocation of(SlashCommandPayload p, String arg) {
    return new Invocation(
        Actor.slack(p.getUserId(), p.getUserName()),
        nonNull(p.getChannelId()),
        nonNull(p.getResponseUrl()),
        nonNull(p.getTriggerId()),
        arg);
  }

  Optional<String> response() {
    return responseUrl.isEmpty() ? Optional.empty() : Optional.of(responseUrl);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
