package dev.trunkbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trunkbot.slack.fake.Delivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP mode through Bolt's request parser and signature check, against the fake Slack. */
class HttpModeTest {
  private BotFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new BotFixture(SlackSettings.Mode.HTTP, Map.of());
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private Delivery.Http http() {
    return Delivery.http(
        URI.create("http://127.0.0.1:" + f.bot.port() + "/slack/events"), BotFixture.SECRET);
  }

  private static String help() {
    return Delivery.Http.form(
        Map.of(
            "command",
            "/trunk",
            "text",
            "help",
            "user_id",
            "U0REQ",
            "channel_id",
            BotFixture.CHANNEL,
            "team_id",
            "T0FAKE",
            "response_url",
            "http://127.0.0.1:1/x",
            "trigger_id",
            "t"));
  }

  @Test
  void signedRequestIsAnswered() throws Exception {
    Delivery.Ack ack = http().post(help(), Instant.now(), BotFixture.SECRET);
    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.json().path("text").asText() + ack.body()).contains("/trunk create");
  }

  @Test
  void forgedSignatureIsRefused() throws Exception {
    assertThat(http().post(help(), Instant.now(), "notthesecret00").status()).isEqualTo(401);
  }

  @Test
  void signatureOlderThanFiveMinutesIsRefused() throws Exception {
    Instant stale = Instant.now().minus(Duration.ofMinutes(6));
    assertThat(http().post(help(), stale, BotFixture.SECRET).status()).isEqualTo(401);
  }

  @Test
  void healthzIsOkWhileServing() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.bot.port() + "/healthz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void eventsTakesPostOnly() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + f.bot.port() + "/slack/events"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(405);
  }
}
