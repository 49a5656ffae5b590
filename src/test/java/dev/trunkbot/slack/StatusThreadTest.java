package dev.trunkbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trunkbot.service.RunResources;
import dev.trunkbot.service.RunStatus;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.StepStatus;
import dev.trunkbot.service.StepSummary;
import dev.trunkbot.slack.fake.FakeSlack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status message edited in place, and the replies in its thread. */
class StatusThreadTest {
  private BotFixture f;
  private String run;

  @BeforeEach
  void started() throws Exception {
    f = new BotFixture(SlackSettings.Mode.HTTP, Map.of());
    f.requester.command(BotFixture.CHANNEL, "create");
    f.requester.submit(f.view(1), BotFixture.validForm());
    await().atMost(Duration.ofSeconds(5)).until(() -> f.service.runs.size() == 1);
    run = f.service.runs.keySet().iterator().next();
    f.statusMessage();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private RunSummary step(
      String id,
      StepStatus state,
      Optional<StepSummary.Progress> p,
      Optional<String> error,
      RunStatus runState) {
    return f.service.change(
        run,
        r -> InMemoryService.withSteps(r, runState, InMemoryService.steps(r, id, state, p, error)));
  }

  @Test
  void manyChangesAreCoalescedIntoFewEditsOfTheSameMessageAndTheLastShowsTheFinalState() {
    for (int done = 1; done <= 200; done++) {
      step(
          "assign-dids",
          StepStatus.RUNNING,
          Optional.of(new StepSummary.Progress(done, 200)),
          Optional.empty(),
          RunStatus.RUNNING);
    }
    step(
        "assign-dids",
        StepStatus.SUCCEEDED,
        Optional.of(new StepSummary.Progress(200, 200)),
        Optional.empty(),
        RunStatus.RUNNING);
    FakeSlack.Posted status = f.statusMessage();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> status.text().contains("Step assign-dids* — succeeded · 200/200"));
    assertThat(status.versions.size()).isBetween(2, 40);
    assertThat(f.slack.calls("chat.update")).allMatch(c -> c.params().get("ts").equals(status.ts));
    assertThat(f.slack.messages(p -> p.threadTs == null)).hasSize(1);
  }

  @Test
  void statusShowsEveryStepWithItsStateTheDidProgressWhoAskedAndSandbox() {
    step(
        "assign-dids",
        StepStatus.RUNNING,
        Optional.of(new StepSummary.Progress(120, 500)),
        Optional.empty(),
        RunStatus.RUNNING);
    FakeSlack.Posted status = f.statusMessage();
    await().atMost(Duration.ofSeconds(5)).until(() -> status.text().contains("120/500"));
    String text = status.text();
    assertThat(text)
        .contains(
            "SANDBOX",
            "Twilio-Reg-Trunk",
            "portsip-pbx.pstn.twilio.com",
            "<@U0REQ>",
            "DIDs 120/500");
    InMemoryService.STEPS.forEach(s -> assertThat(text).contains("Step " + s));
    assertThat(text).contains("pending", "running");
  }

  @Test
  void slackRetryAfterIsHonoured() {
    f.slack.rateLimitUpdates(1, 1);
    step("trunk", StepStatus.RUNNING, Optional.empty(), Optional.empty(), RunStatus.RUNNING);
    await().atMost(Duration.ofSeconds(5)).until(() -> f.slack.calls("chat.update").size() >= 2);
    List<FakeSlack.Call> updates = f.slack.calls("chat.update");
    assertThat(updates.get(1).nanos() - updates.get(0).nanos())
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> f.statusMessage().text().contains("Step trunk* — running"));
  }

  @Test
  void failureIsRepliedWithItsMessageAndRetryResumes() throws Exception {
    step(
        "trunk",
        StepStatus.FAILED,
        Optional.empty(),
        Optional.of("Twilio 21212: The domain name is already taken"),
        RunStatus.FAILED);
    await().atMost(Duration.ofSeconds(5)).until(() -> !f.replies().isEmpty());
    FakeSlack.Posted failure = f.replies().get(0);
    assertThat(failure.text())
        .contains("Twilio 21212: The domain name is already taken", "What to do");
    f.alice.click(failure, Ids.RETRY);
    await().atMost(Duration.ofSeconds(5)).until(() -> f.service.calls.contains("resume " + run));
    assertThat(f.response(1).body().toString()).contains("Retrying");
  }

  @Test
  void finalSummaryIsRepliedOnceHowEverOftenTheRunIsSeen() {
    f.service.change(
        run,
        r ->
            new RunSummary(
                r.id(),
                r.trunk(),
                r.terminationUri(),
                RunStatus.SUCCEEDED,
                r.requester(),
                r.createdAt(),
                r.updatedAt(),
                r.finishedAt(),
                r.steps(),
                r.approval(),
                r.next(),
                r.error(),
                new RunResources(
                    Optional.of("TK123"),
                    Optional.of("77"),
                    r.resources().dids(),
                    7,
                    Map.of("acme", "12027594810-12027594815", "globex", "12027594820")),
                r.notes(),
                r.sandbox()));
    for (int i = 0; i < 5; i++) {
      f.service.emit(run);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> !f.replies().isEmpty());
    assertThat(f.replies().get(0).text())
        .contains("TK123", "portsip-pbx.pstn.twilio.com", "acme", "12027594820", "77");
    f.service.emit(run);
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> f.replies().size() == 1);
  }

  @Test
  @SuppressWarnings("try") // the restarted bot only has to run
  void editsContinueOnTheSameMessageAfterTheBotRestarts() throws Exception {
    FakeSlack.Posted status = f.statusMessage();
    f.bot.close();
    SlackConnection conn =
        SlackConnection.open(SlackSettings.from(f.slack.httpEnv(BotFixture.SECRET)));
    try (SlackBot unused =
        SlackBot.start(conn, f.service, 0, Duration.ofMillis(50), (h, t) -> {})) {
      step("trunk", StepStatus.SUCCEEDED, Optional.empty(), Optional.empty(), RunStatus.RUNNING);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> status.text().contains("Step trunk* — succeeded"));
      assertThat(f.slack.messages(p -> p.threadTs == null)).hasSize(1);
    }
  }

  @Test
  void aRunWhoseChannelIsNotedJustAfterItsFirstEventsStillGetsItsMessage() throws Exception {
    String other = "run-late";
    RunSummary base = f.service.run(run);
    f.service.runs.put(
        other,
        new RunSummary(
            other,
            "Late",
            "late.pstn.twilio.com",
            RunStatus.RUNNING,
            base.requester(),
            java.time.Instant.now(),
            java.time.Instant.now(),
            Optional.empty(),
            base.steps(),
            Optional.empty(),
            base.next(),
            Optional.empty(),
            base.resources(),
            Map.of(),
            true));
    f.service.emit(other);
    await().atMost(Duration.ofSeconds(5)).until(() -> f.service.reads.contains(other));
    f.service.note(other, "slack.channel", BotFixture.CHANNEL);
    f.service.emit(other);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> f.slack.messages(p -> p.threadTs == null).size() == 2);
  }

  @Test
  void aChannelTheBotCannotPostInIsExplainedToTheRequester() throws Exception {
    f.slack.notInChannel("C0SECRET");
    f.requester.command("C0SECRET", "create");
    f.requester.submit(
        f.view(2),
        java.util.Map.of(
            TrunkForm.NAME,
            "Other",
            TrunkForm.TERMINATION,
            "other-pbx",
            TrunkForm.PBX,
            "151.101.2.4",
            TrunkForm.DIDS,
            "12027590001",
            TrunkForm.TENANTS,
            "acme: 12027590001",
            TrunkForm.MAX_CALLS,
            "5"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !f.slack.messages(p -> p.channel.equals("U0REQ")).isEmpty());
    assertThat(f.slack.messages(p -> p.channel.equals("U0REQ")).get(0).text())
        .contains("/invite @trunkbot", "not_in_channel");
  }
}
