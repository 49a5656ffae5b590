package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trunkbot.slack.fake.Delivery;
import dev.trunkbot.slack.fake.FakeSlack;
import dev.trunkbot.slack.fake.SlackUser;
import dev.trunkbot.workflow.TestDatabases;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas in Socket Mode on one PostgreSQL: each holds a socket of its own, both are ready,
 * and when one stops the other still takes commands (Slack sends them to the sockets that are
 * left).
 */
class SocketReplicasTest {
  @TempDir Path home;

  @Test
  void eachReplicaHoldsItsOwnSocketAndTheOtherGoesOnWhenOneStops() throws Exception {
    try (GuideHarness harness =
            new GuideHarness(List.of("12027594810"), home, TestDatabases.newPostgresUrl());
        FakeSlack slack = FakeSlack.start()) {
      Map<String, String> env = new HashMap<>(harness.env);
      env.putAll(slack.socketEnv());
      InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
      Serving one = Serving.start(env, 0, any);
      Serving two = Serving.start(env, 0, any);
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.socket().connections() >= 2);
        for (Serving s : List.of(one, two)) {
          await().atMost(Duration.ofSeconds(20)).until(() -> ready(s) == 200);
        }
        SlackUser ops = new SlackUser(slack, Delivery.socket(slack.socket()), "U0OPS", "ops");
        assertThat(ops.command("C0OPS", "help").json().toString()).contains("/trunk");
        two.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.socket().connected());
        assertThat(ops.command("C0OPS", "help").json().toString())
            .as("the replica left answers")
            .contains("/trunk");
      } finally {
        one.close();
        two.close();
      }
    }
  }

  private static int ready(Serving s) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.managementPort() + "/readyz"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
