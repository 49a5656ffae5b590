package dev.trunkbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trunkbot.slack.fake.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /trunk create} and {@code /trunk plan}: the form, its errors, one run per submission. */
class CreateFormTest {
  private BotFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new BotFixture(SlackSettings.Mode.HTTP, Map.of());
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void formAsksEveryFieldInWordsPeopleUnderstandAndNeverThePassword() throws Exception {
    assertThat(f.requester.command(BotFixture.CHANNEL, "create").status()).isEqualTo(200);
    JsonNode view = f.view(1);
    List<String> labels = new ArrayList<>();
    view.path("blocks").forEach(b -> labels.add(b.path("label").path("text").asText()));
    String all = String.join("|", labels).toLowerCase();
    for (String word :
        List.of(
            "name",
            "termination",
            "pbx",
            "primary region",
            "secondary region",
            "dids",
            "level",
            "tenants",
            "max concurrent calls",
            "username")) {
      assertThat(all).contains(word);
    }
    assertThat(view.toString().toLowerCase())
        .doesNotContain("password\"")
        .contains(".pstn.twilio.com");
    assertThat(view.toString()).contains("us1 — Virginia", "us2 — Oregon");
    assertThat(f.slack.violations()).isEmpty();
  }

  @Test
  void everyProblemIsShownUnderItsOwnInputAndNothingStarts() throws Exception {
    f.requester.command(BotFixture.CHANNEL, "create");
    Map<String, String> typed = new HashMap<>(BotFixture.validForm());
    typed.put(TrunkForm.PBX, "10.1.2.3");
    typed.put(TrunkForm.DIDS, "12027594815-12027594810");
    Delivery.Ack ack = f.requester.submit(f.view(1), typed);
    JsonNode errors = ack.json().path("errors");
    assertThat(ack.json().path("response_action").asText()).isEqualTo("errors");
    assertThat(errors.path(TrunkForm.PBX).asText()).contains("10.1.2.3", "private");
    assertThat(errors.path(TrunkForm.DIDS).asText()).contains("reversed");
    assertThat(f.service.calls).noneMatch(c -> c.startsWith("create"));
    assertThat(f.slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void doubleSubmissionStartsOneRunAndPostsOneStatusMessage() throws Exception {
    f.requester.command(BotFixture.CHANNEL, "create");
    JsonNode view = f.view(1);
    assertThat(f.requester.submit(view, BotFixture.validForm()).body()).isEmpty();
    assertThat(f.requester.submit(view, BotFixture.validForm()).body()).isEmpty();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> f.service.calls.stream().filter(c -> c.startsWith("create")).count() == 2);
    assertThat(f.service.runs).hasSize(1);
    FakeSlackAssert.oneStatusMessage(f);
    assertThat(f.response(1).body().toString())
        .contains("already started", "nothing was started twice");
    String run = f.service.runs.keySet().iterator().next();
    assertThat(f.service.run(run).notes())
        .containsEntry("slack.channel", BotFixture.CHANNEL)
        .containsKey("slack.ts");
  }

  @Test
  void theFormClosesOnceItsRunIsStarted() throws Exception {
    f.service.storing = Duration.ofMillis(400);
    f.requester.command(BotFixture.CHANNEL, "create");
    assertThat(f.requester.submit(f.view(1), BotFixture.validForm()).body()).isEmpty();
    assertThat(f.service.runs).hasSize(1);
  }

  @Test
  void tenantLevelTakesTheTenantsName() throws Exception {
    f.requester.command(BotFixture.CHANNEL, "create");
    Map<String, String> typed = new HashMap<>(BotFixture.validForm());
    typed.put(TrunkForm.LEVEL, "tenant");
    typed.put(TrunkForm.TENANTS, "acme");
    assertThat(f.requester.submit(f.view(1), typed).body()).isEmpty();
    await().atMost(Duration.ofSeconds(5)).until(() -> f.service.runs.size() == 1);
  }

  @Test
  void planAnswersPrivatelyWithThePlanAndStartsNothing() throws Exception {
    f.requester.command(BotFixture.CHANNEL, "plan");
    JsonNode view = f.view(1);
    assertThat(view.path("callback_id").asText()).isEqualTo(Ids.PLAN_VIEW);
    assertThat(f.requester.submit(view, BotFixture.validForm()).body()).isEmpty();
    assertThat(f.response(1).body().toString()).contains("Plan for trunk", "create");
    assertThat(f.response(1).body().path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(f.service.runs).isEmpty();
  }
}
