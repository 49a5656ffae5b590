package dev.trunkbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trunkbot.service.RunStatus;
import dev.trunkbot.slack.fake.FakeSlack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /trunk status|list|rollback|cancel|help}, unknown subcommands, the channel allow-list,
 * Share.
 */
class CommandsTest {
  private BotFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new BotFixture(SlackSettings.Mode.HTTP, Map.of("TRUNKBOT_SLACK_CHANNELS", "C0OPS,C0NOC"));
    f.requester.command(BotFixture.CHANNEL, "create");
    f.requester.submit(f.view(1), BotFixture.validForm());
    await().atMost(Duration.ofSeconds(5)).until(() -> f.service.runs.size() == 1);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private String run() {
    return f.service.runs.keySet().iterator().next();
  }

  @Test
  void unknownSubcommandAnswersWithHelpPrivately() throws Exception {
    JsonNode ack = f.stranger.command(BotFixture.CHANNEL, "frobnicate now").json();
    assertThat(ack.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(ack.toString())
        .contains("don't know", "frobnicate", "/trunk create", "/trunk rollback RUN");
  }

  @Test
  void elsewhereThanTheAllowedChannelsTrunkIsRefusedNamingThem() throws Exception {
    JsonNode ack = f.requester.command("C0RANDOM", "create").json();
    assertThat(ack.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(ack.path("text").asText()).contains("<#C0OPS>", "<#C0NOC>");
    assertThat(f.slack.views()).hasSize(1);
  }

  @Test
  void listAnswersPrivatelyAndShareShowsItToTheChannel() throws Exception {
    assertThat(f.requester.command(BotFixture.CHANNEL, "list").body()).isEmpty();
    FakeSlack.Responded list = f.response(1);
    assertThat(list.body().path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(list.body().toString()).contains("Twilio-Reg-Trunk", run(), "Share in channel");
    f.requester.click(list, BotFixture.CHANNEL, Ids.SHARE);
    JsonNode shared = f.response(2).body();
    assertThat(shared.path("response_type").asText()).isEqualTo("in_channel");
    assertThat(shared.toString())
        .contains("Twilio-Reg-Trunk", "Shared by <@U0REQ>")
        .doesNotContain(Ids.SHARE);
  }

  @Test
  void statusOfARunOrATrunkComesAfterTheAck() throws Exception {
    assertThat(f.requester.command(BotFixture.CHANNEL, "status " + run()).json().toString())
        .contains("Looking up");
    assertThat(f.response(1).body().toString()).contains("portsip-pbx.pstn.twilio.com", "pending");
    f.requester.command(BotFixture.CHANNEL, "status Twilio-Reg-Trunk");
    assertThat(f.response(2).body().toString()).contains("still hold what this run asked for");
    f.requester.command(BotFixture.CHANNEL, "status nothing-like-it");
    assertThat(f.response(3).body().toString()).contains("No run and no trunk", "/trunk list");
  }

  @Test
  void rollbackIsForApproversAndAsksToConfirm() throws Exception {
    f.stranger.command(BotFixture.CHANNEL, "rollback " + run());
    assertThat(f.response(1).body().toString()).contains("not an approver");
    assertThat(f.service.calls).noneMatch(c -> c.startsWith("rollback"));
    f.alice.command(BotFixture.CHANNEL, "rollback " + run());
    FakeSlack.Responded confirm = f.response(2);
    JsonNode button = confirm.body().findPath("confirm");
    assertThat(button.path("confirm").path("text").asText()).isEqualTo("Roll back");
    f.alice.click(confirm, BotFixture.CHANNEL, Ids.ROLLBACK);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> f.service.calls.contains("rollback " + run()));
    assertThat(f.response(3).body().toString()).contains("Rolling back");
  }

  @Test
  void cancelAsksToConfirmAndTheRequesterOrAnApproverMayStopTheRun() throws Exception {
    f.stranger.command(BotFixture.CHANNEL, "cancel " + run());
    FakeSlack.Responded confirm = f.response(1);
    assertThat(confirm.body().findPath("confirm").path("confirm").path("text").asText())
        .isEqualTo("Stop");
    f.stranger.click(confirm, BotFixture.CHANNEL, Ids.CANCEL);
    assertThat(f.response(2).body().toString()).contains("only the requester or an approver");
    assertThat(f.service.run(run()).state()).isNotEqualTo(RunStatus.CANCELLED);
    f.requester.click(confirm, BotFixture.CHANNEL, Ids.CANCEL);
    assertThat(f.service.run(run()).state()).isEqualTo(RunStatus.CANCELLED);
    assertThat(f.response(3).body().toString()).contains("stops where it stands");
  }

  @Test
  void rollbackWithoutARunSaysHow() throws Exception {
    assertThat(f.alice.command(BotFixture.CHANNEL, "rollback").json().toString())
        .contains("/trunk rollback RUN");
  }
}
