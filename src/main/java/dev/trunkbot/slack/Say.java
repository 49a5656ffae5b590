package dev.trunkbot.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private answers to the person who asked (through the response URL of their command or click, else
 * an ephemeral message), and answers they chose to share with the channel.
 */
final class Say {
  private static final Logger LOG = LoggerFactory.getLogger(Say.class);
  private final Slack slack;
  private final MethodsClient client;

  Say(Slack slack, MethodsClient client) {
    this.slack = slack;
    this.client = client;
  }

  /** Only {@code user} sees it. */
  void privately(Optional<String> responseUrl, String channel, String user, Message message) {
    try {
      if (responseUrl.isPresent()) {
        send(responseUrl.get(), message, "ephemeral");
      } else if (!channel.isEmpty()) {
        client.chatPostEphemeral(
            r -> r.channel(channel).user(user).text(message.text()).blocks(message.blocks()));
      } else {
        LOG.warn("no way to answer {} privately: no response URL and no channel", user);
      }
    } catch (Exception e) {
      LOG.warn("private answer to {} failed: {}", user, Failures.describe(e));
    }
  }

  void privately(Optional<String> responseUrl, String channel, String user, String text) {
    privately(
        responseUrl,
        channel,
        user,
        new Message(text, java.util.List.of(Kit.section("answer", text))));
  }

  /** Everyone in the channel sees it. */
  void shared(String responseUrl, Message message) throws IOException {
    send(responseUrl, message, "in_channel");
  }

  private void send(String url, Message message, String type) throws IOException {
    new Responder(slack, url)
        .send(
            ActionResponse.builder()
                .responseType(type)
                .replaceOriginal(false)
                .text(message.text())
                .blocks(message.blocks())
                .build());
  }
}
