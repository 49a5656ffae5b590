package dev.trunkbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode over a local WebSocket: the socket URL from apps.connections.open, acks, reconnects.
 */
class SocketModeTest {
  private BotFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new BotFixture(SlackSettings.Mode.SOCKET, Map.of());
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void connectsWithTheAppTokenToTheSocketUrlSlackGives() {
    assertThat(f.slack.calls("apps.connections.open")).isNotEmpty();
    assertThat(f.slack.calls("apps.connections.open"))
        .allMatch(c -> c.token().equals(f.slack.appToken()));
    assertThat(f.slack.socket().connected()).isTrue();
  }

  @Test
  void commandsAndSubmissionsAreAcknowledgedOverTheSocket() throws Exception {
    JsonNode help = f.requester.command(BotFixture.CHANNEL, "help").json();
    assertThat(help.toString()).contains("/trunk create");
    f.requester.command(BotFixture.CHANNEL, "create");
    Map<String, String> typed = new HashMap<>(BotFixture.validForm());
    typed.put(TrunkForm.PBX, "192.168.1.10");
    JsonNode ack = f.requester.submit(f.view(1), typed).json();
    assertThat(ack.path("errors").path(TrunkForm.PBX).asText()).contains("private");
    assertThat(f.requester.submit(f.view(1), BotFixture.validForm()).body()).isEmpty();
    FakeSlackAssert.oneStatusMessage(f);
  }

  @Test
  void reconnectsByItselfWhenTheSocketDrops() throws Exception {
    int before = f.slack.socket().connections();
    f.slack.socket().dropAll();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> f.slack.socket().connections() > before && f.slack.socket().connected());
    assertThat(f.requester.command(BotFixture.CHANNEL, "help").json().toString())
        .contains("/trunk create");
  }
}
