package dev.trunkbot.slack;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code TRUNKBOT_SLACK_CHANNELS}: {@code /trunk} typed anywhere else gets a private refusal that
 * names the channels where it works. Buttons live in messages the bot posted, so they pass.
 */
final class ChannelAllowList implements Middleware {
  private final Set<String> channels;

  ChannelAllowList(Set<String> channels) {
    this.channels = Set.copyOf(channels);
  }

  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware interface takes a raw Request
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (channels.isEmpty() || req.getRequestType() != RequestType.Command) {
      return chain.next(req);
    }
    String channel = ((SlashCommandRequest) req).getPayload().getChannelId();
    if (channel != null && channels.contains(channel)) {
      return chain.next(req);
    }
    String where =
        channels.stream().sorted().map(c -> "<#" + c + ">").collect(Collectors.joining(", "));
    return Response.json(
        200,
        SlashCommandResponse.builder()
            .responseType("ephemeral")
            .text("`/trunk` works in " + where + " only; nothing was done here.")
            .build());
  }
}
