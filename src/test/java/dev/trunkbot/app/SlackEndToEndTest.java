package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trunkbot.slack.fake.Delivery;
import dev.trunkbot.slack.fake.FakeSlack;
import dev.trunkbot.slack.fake.SlackUser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk through Slack, on the real service and the emulators, in Socket Mode: a form
 * with two mistakes, the corrected one, clicks refused privately, a restart of serve, the
 * approver's click, and the run done, its one status message edited all along, never a password.
 */
class SlackEndToEndTest {
  private static final String CHANNEL = "C0OPS";
  private static final List<String> DIDS =
      List.of(
          "12027594810",
          "12027594811",
          "12027594812",
          "12027594813",
          "12027594814",
          "12027594815",
          "12027594820");

  @TempDir Path home;

  private static Map<String, String> form() {
    Map<String, String> typed = new HashMap<>();
    typed.put("name", "Twilio-Reg-Trunk");
    typed.put("termination", "portsip-pbx");
    typed.put("pbx", "151.101.2.3");
    typed.put("dids", "12027594810-12027594815\n12027594820");
    typed.put("tenants", "acme: 12027594810-12027594815\nglobex: 12027594820");
    typed.put("max_calls", "30");
    return typed;
  }

  private static String diagnose(Serving serving, FakeSlack slack, LogCapture logs) {
    StringBuilder s = new StringBuilder("runs:\n");
    serving
        .service()
        .list(5)
        .forEach(
            r ->
                s.append(r.state())
                    .append(' ')
                    .append(r.steps())
                    .append(' ')
                    .append(r.notes())
                    .append('\n'));
    s.append("slack calls: ")
        .append(slack.calls().stream().map(FakeSlack.Call::method).toList())
        .append('\n');
    s.append("log lines about consumers and Slack:\n");
    logs.text()
        .lines()
        .filter(l -> l.contains("consumer") || l.contains("Slack") || l.contains("status"))
        .limit(40)
        .forEach(l -> s.append(l).append('\n'));
    return s.toString();
  }

  @Test
  void createFixApproveAcrossARestartAndTheRunCompletes() throws Exception {
    try (LogCapture logs = new LogCapture();
        GuideHarness emulators = new GuideHarness(DIDS, home);
        FakeSlack slack = FakeSlack.start()) {
      Map<String, String> env = new HashMap<>(emulators.env);
      env.putAll(slack.socketEnv());
      env.put("TRUNKBOT_APPROVERS", "U0ALICE,U0REQ");
      env.remove("TRUNKBOT_ALLOW_AUTO_APPROVE");
      Delivery socket = Delivery.socket(slack.socket());
      SlackUser requester = new SlackUser(slack, socket, "U0REQ", "rita");
      SlackUser stranger = new SlackUser(slack, socket, "U0EVE", "eve");
      SlackUser alice = new SlackUser(slack, socket, "U0ALICE", "alice");

      Serving serving = Serving.start(env, 0);
      try {
        assertThat(requester.command(CHANNEL, "create").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.views().size() == 1);
        JsonNode view = slack.views().get(0);

        Map<String, String> wrong = form();
        wrong.put("pbx", "10.0.0.5");
        wrong.put("dids", "12027594815-12027594810\n12027594820");
        JsonNode errors = requester.submit(view, wrong).json();
        assertThat(errors.path("response_action").asText()).isEqualTo("errors");
        assertThat(errors.path("errors").path("pbx").asText()).contains("private");
        assertThat(errors.path("errors").path("dids").asText()).contains("reversed");
        assertThat(slack.calls("chat.postMessage")).isEmpty();

        assertThat(requester.submit(view, form()).body()).isEmpty();
        Serving first = serving;
        try {
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> !slack.messages(p -> p.threadTs != null).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError(diagnose(first, slack, logs), e);
        }
        FakeSlack.Posted status = slack.messages(p -> p.threadTs == null).get(0);
        FakeSlack.Posted request = slack.messages(p -> p.threadTs != null).get(0);
        assertThat(request.text()).contains("7 DIDs", "portsip-pbx.pstn.twilio.com");

        stranger.click(request, "trunk_approve");
        requester.click(request, "trunk_approve");
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.responses().size() == 2);
        assertThat(slack.responses().get(0).body().path("response_type").asText())
            .isEqualTo("ephemeral");
        assertThat(slack.responses().toString())
            .contains("not an approver", "U0ALICE", "you asked for this run");
        assertThat(status.text()).contains("waiting for approval");

        serving.close();
        serving = Serving.start(env, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.socket().connections() >= 2);

        alice.click(request, "trunk_approve");
        await().atMost(Duration.ofSeconds(60)).until(() -> status.text().contains("— succeeded\n"));
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> slack.messages(p -> p.threadTs != null).size() >= 2);
      } finally {
        serving.close();
      }

      FakeSlack.Posted status = slack.messages(p -> p.threadTs == null).get(0);
      assertThat(slack.messages(p -> p.threadTs == null)).hasSize(1);
      assertThat(
              slack.calls("chat.update").stream()
                  .filter(c -> c.params().get("ts").equals(status.ts))
                  .count())
          .isEqualTo(status.versions.size() - 1L)
          .isGreaterThanOrEqualTo(2);
      assertThat(status.versions.stream().map(JsonNode::toString))
          .as("drawn while waiting for the approver, and after")
          .anyMatch(v -> v.contains("waiting for approval"))
          .anyMatch(v -> !v.contains("waiting for approval") && !v.contains("pending"));
      for (int i = 1; i < status.editNanos.size(); i++) {
        assertThat(status.editNanos.get(i) - status.editNanos.get(i - 1))
            .as("edits %d and %d of the status message", i - 1, i)
            .isGreaterThan(Duration.ofMillis(950).toNanos());
      }
      String last = status.text();
      assertThat(last).doesNotContain("pending", "running", "failed");
      assertThat(last.split("— succeeded", -1)).hasSizeGreaterThanOrEqualTo(10);
      FakeSlack.Posted request = slack.messages(p -> p.threadTs != null).get(0);
      assertThat(request.text()).contains("Approved by <@U0ALICE>");
      assertThat(request.blocks().toString()).doesNotContain("trunk_approve");
      assertThat(slack.messages(p -> p.threadTs != null).get(1).text())
          .contains("is ready", "TK", "acme");
      assertThat(slack.violations()).isEmpty();

      String password = emulators.sandbox.portsip().trunkPassword("Twilio-Reg-Trunk").orElseThrow();
      assertThat(password).hasSizeGreaterThanOrEqualTo(12);
      assertThat(slack.everythingSent()).doesNotContain(password);
      assertThat(slack.views().toString()).doesNotContain(password);
      assertThat(logs.lines()).isPositive();
      assertThat(logs.text())
          .doesNotContain(password)
          .doesNotContain(slack.botToken())
          .doesNotContain(slack.appToken());
    }
  }
}
