package dev.trunkbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * Posts and edits the bot's messages, turning Slack's answers into three outcomes: done, rate
 * limited (with Slack's Retry-After), or refused for good (not in the channel, channel gone).
 */
final class Poster {
  private final MethodsClient client;

  Poster(MethodsClient client) {
    this.client = client;
  }

  /** Posts in {@code channel} (in the thread of {@code threadTs} when not null); answers its ts. */
  String post(String channel, String threadTs, Message m) throws IOException, RateLimited, Refused {
    ChatPostMessageResponse r =
        call(
            () ->
                client.chatPostMessage(
                    q ->
                        q.channel(channel)
                            .threadTs(threadTs)
                            .text(m.text())
                            .blocks(m.blocks())
                            .unfurlLinks(false)));
    if (!r.isOk()) {
      throw new Refused(r.getError());
    }
    return r.getTs();
  }

  void update(String channel, String ts, Message m) throws IOException, RateLimited, Refused {
    ChatUpdateResponse r =
        call(
            () ->
                client.chatUpdate(
                    q -> q.channel(channel).ts(ts).text(m.text()).blocks(m.blocks())));
    if (!r.isOk()) {
      throw new Refused(r.getError());
    }
  }

  private static <T> T call(Call<T> call) throws IOException, RateLimited {
    try {
      return call.run();
    } catch (SlackApiException e) {
      if (e.getResponse().code() == 429) {
        throw new RateLimited(retryAfter(e.getResponse().header("Retry-After")));
      }
      throw new IOException(Failures.describe(e));
    }
  }

  static Duration retryAfter(String header) {
    try {
      long seconds = Long.parseLong(header == null ? "" : header.strip());
      return Duration.ofSeconds(Math.max(1, Math.min(seconds, 600)));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(30);
    }
  }

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException, SlackApiException;
  }

  /** Slack said 429: wait {@code retryAfter}. */
  static final class RateLimited extends Exception {
    final Duration retryAfter;

    RateLimited(Duration retryAfter) {
      super("rate limited for " + retryAfter.toSeconds() + " s", null, false, false);
      this.retryAfter = retryAfter;
    }
  }

  /** Slack answered ok=false: trying again will not help. */
  static final class Refused extends Exception {
    final String error;

    Refused(String error) {
      super("Slack refused: " + error, null, false, false);
      this.error = error == null ? "unknown" : error;
    }
  }
}
