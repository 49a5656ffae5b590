package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trunkbot.slack.fake.Delivery;
import dev.trunkbot.slack.fake.FakeSlack;
import dev.trunkbot.slack.fake.SlackUser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar's {@code serve}: ready line, a command answered, SIGTERM, exit 0. */
class JarServeIT {
  private static final String SECRET = "fakesigningsecret0";
  @TempDir Path home;

  @Test
  void serveAnswersUntilSigtermThenExitsZero() throws Exception {
    try (FakeSlack slack = FakeSlack.start()) {
      ProcessBuilder pb =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-jar",
              "target/trunkbot.jar",
              "serve",
              "--port",
              "0");
      Map<String, String> env = pb.environment();
      env.keySet()
          .removeIf(
              k ->
                  k.startsWith("TWILIO_")
                      || k.startsWith("PORTSIP_")
                      || k.startsWith("TRUNKBOT_")
                      || k.startsWith("SLACK_"));
      env.putAll(slack.httpEnv(SECRET));
      env.put("TRUNKBOT_HOME", home.toString());
      pb.redirectError(home.resolve("stderr.txt").toFile());
      Process p = pb.start();
      try {
        BufferedReader out =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertThat(ready)
            .as(Files.readString(home.resolve("stderr.txt")))
            .startsWith("trunkbot serve: ready")
            .contains("SANDBOX");
        Matcher port = Pattern.compile("port (\\d+)").matcher(ready);
        assertThat(port.find()).isTrue();
        SlackUser user =
            new SlackUser(
                slack,
                Delivery.http(
                    URI.create("http://127.0.0.1:" + port.group(1) + "/slack/events"), SECRET),
                "U0REQ",
                "rita");
        assertThat(user.command("C0OPS", "help").json().toString()).contains("/trunk create");
        p.destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(home.resolve("stderr.txt"))).isZero();
      } finally {
        p.destroyForcibly();
      }
    }
  }
}
