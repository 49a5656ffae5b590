package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trunkbot.slack.fake.Delivery;
import dev.trunkbot.slack.fake.FakeSlack;
import dev.trunkbot.slack.fake.SlackUser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trunkbot serve}: what stops it at once, and the sandbox bot in HTTP mode. */
class ServeCommandTest {
  @TempDir Path home;
  private FakeSlack slack;
  private String err;

  @BeforeEach
  void start() throws Exception {
    slack = FakeSlack.start();
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  private int serve(Map<String, String> slackEnv) {
    Map<String, String> env = new HashMap<>(slackEnv);
    env.put("TRUNKBOT_HOME", home.toString());
    CommandLine cli = Main.commandLine(env);
    StringWriter e = new StringWriter();
    cli.setErr(new PrintWriter(e, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    int code = cli.execute("serve", "--port", "0");
    err = e.toString();
    return code;
  }

  @Test
  void missingBotTokenStopsAtOnceNamingIt() {
    assertThat(serve(Map.of())).isEqualTo(2);
    assertThat(err.lines()).hasSize(1);
    assertThat(err).contains("SLACK_BOT_TOKEN").doesNotContain("Exception");
  }

  @Test
  void malformedTokenStopsAtOnceNamingIt() {
    Map<String, String> env = slack.socketEnv();
    env.put("SLACK_APP_TOKEN", "xoxb-" + "not_an_app_token");
    assertThat(serve(env)).isEqualTo(2);
    assertThat(err.lines()).hasSize(1);
    assertThat(err).contains("SLACK_APP_TOKEN", "xapp-").doesNotContain("not_an_app_token");
  }

  @Test
  void botTokenRefusedByAuthTestStopsAtOnceNamingIt() {
    slack.refuseAuth(true);
    assertThat(serve(slack.httpEnv("fakesigningsecret0"))).isEqualTo(2);
    assertThat(err.lines()).hasSize(1);
    assertThat(err)
        .contains("SLACK_BOT_TOKEN", "auth.test", "invalid_auth")
        .doesNotContain(slack.botToken());
  }

  @Test
  void appTokenRefusedStopsAtOnceNamingIt() {
    Map<String, String> env = slack.socketEnv();
    env.put("SLACK_APP_TOKEN", "xapp-" + "revoked_app_token");
    assertThat(serve(env)).isEqualTo(2);
    assertThat(err)
        .contains("SLACK_APP_TOKEN", "apps.connections.open")
        .doesNotContain("revoked_app_token");
  }

  @Test
  void neitherModeConfiguredStopsAtOnce() {
    assertThat(serve(Map.of("SLACK_BOT_TOKEN", slack.botToken()))).isEqualTo(2);
    assertThat(err).contains("SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET");
  }

  @Test
  void sandboxBotInHttpModeAnswersHealthzAndSaysSandbox() throws Exception {
    Map<String, String> env = slack.httpEnv("fakesigningsecret0");
    env.put("TRUNKBOT_HOME", home.toString());
    try (Serving serving = Serving.start(env, 0)) {
      assertThat(serving.describe()).contains("HTTP mode", "SANDBOX");
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + serving.port() + "/healthz"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      SlackUser user =
          new SlackUser(
              slack,
              Delivery.http(
                  URI.create("http://127.0.0.1:" + serving.port() + "/slack/events"),
                  "fakesigningsecret0"),
              "U0REQ",
              "rita");
      assertThat(user.command("C0OPS", "help").json().toString()).contains("SANDBOX");
    }
  }
}
