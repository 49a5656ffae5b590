package dev.trunkbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trunkbot.service.ApprovalSummary;
import dev.trunkbot.service.RunStatus;
import dev.trunkbot.slack.fake.FakeSlack;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The approval request in a run's thread, and who may press its buttons. */
class ApprovalButtonsTest {
  private BotFixture f;
  private String run;

  @BeforeEach
  void waitingForApproval() throws Exception {
    f = new BotFixture(SlackSettings.Mode.HTTP, Map.of());
    f.requester.command(BotFixture.CHANNEL, "create");
    f.requester.submit(f.view(1), BotFixture.validForm());
    await().atMost(Duration.ofSeconds(5)).until(() -> f.service.runs.size() == 1);
    run = f.service.runs.keySet().iterator().next();
    f.statusMessage();
    ApprovalSummary pending =
        new ApprovalSummary(
            "assign-dids",
            ApprovalSummary.State.PENDING,
            "7 DIDs will be routed to trunk portsip-pbx.pstn.twilio.com",
            Instant.now(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "the approvers U0ALICE, U0BOB, members of S0NOC");
    f.service.change(
        run, r -> InMemoryService.with(r, RunStatus.WAITING_APPROVAL, Optional.of(pending)));
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private FakeSlack.Posted request() {
    await().atMost(Duration.ofSeconds(5)).until(() -> !f.replies().isEmpty());
    return f.replies().get(0);
  }

  @Test
  void requestSaysHowManyDidsToWhichTrunkWithApproveAndReject() {
    FakeSlack.Posted request = request();
    assertThat(request.threadTs).isEqualTo(f.statusMessage().ts);
    assertThat(request.text())
        .contains("7 DIDs will be routed to trunk portsip-pbx.pstn.twilio.com");
    assertThat(request.blocks().toString()).contains("Approve", "Reject");
  }

  @Test
  void nonApproverAndRequesterAreRefusedPrivatelyAndTheRunKeepsWaiting() throws Exception {
    FakeSlack.Posted request = request();
    f.stranger.click(request, Ids.APPROVE);
    JsonNode refusal = f.response(1).body();
    assertThat(refusal.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(refusal.toString()).contains("not an approver", "U0ALICE", "may decide");
    f.requester.click(request, Ids.APPROVE);
    assertThat(f.response(2).body().toString()).contains("you asked for this run");
    assertThat(f.service.run(run).state()).isEqualTo(RunStatus.WAITING_APPROVAL);
    assertThat(request().blocks().toString()).contains(Ids.APPROVE);
  }

  @Test
  void afterADecisionTheRequestShowsWhoAndWhenWithoutButtons() throws Exception {
    f.alice.click(request(), Ids.APPROVE);
    await().atMost(Duration.ofSeconds(5)).until(() -> request().versions.size() == 2);
    String decided = request().blocks().toString();
    assertThat(decided)
        .contains("Approved by <@U0ALICE>", "<!date^")
        .doesNotContain(Ids.APPROVE, Ids.REJECT);
  }

  @Test
  void ofTwoApproversOneDecidesAndTheOtherIsToldWho() throws Exception {
    FakeSlack.Posted request = request().seen();
    f.alice.click(request, Ids.APPROVE);
    f.bob.click(request, Ids.APPROVE);
    await().atMost(Duration.ofSeconds(5)).until(() -> f.slack.responses().size() == 2);
    String answers = f.slack.responses().toString();
    assertThat(answers).contains("Already decided", "by <@U0ALICE>");
    assertThat(f.service.calls).contains("approve U0ALICE", "approve U0BOB");
  }

  @Test
  void aClickIsAcknowledgedOnceItsDecisionIsStored() throws Exception {
    FakeSlack.Posted request = request();
    f.service.storing = Duration.ofMillis(400);
    f.alice.click(request, Ids.APPROVE);
    assertThat(f.service.run(run).state()).isEqualTo(RunStatus.RUNNING);
    f.service.storing = Duration.ZERO;
    await().atMost(Duration.ofSeconds(5)).until(() -> f.slack.responses().size() == 1);
  }

  @Test
  void aReasonIsAcknowledgedOnceTheRejectionIsStored() throws Exception {
    f.bob.click(request(), Ids.REJECT);
    JsonNode modal = f.view(2);
    f.service.storing = Duration.ofMillis(400);
    f.bob.submit(modal, Map.of(RejectAction.REASON, "wrong tenant pools"));
    assertThat(f.service.run(run).state()).isEqualTo(RunStatus.REJECTED);
  }

  @Test
  void memberOfAnApproverGroupMayDecide() throws Exception {
    f.carol.click(request(), Ids.APPROVE);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> f.service.run(run).state() == RunStatus.RUNNING);
  }

  @Test
  void rejectAsksTheReasonAndRejectsWithIt() throws Exception {
    f.bob.click(request(), Ids.REJECT);
    JsonNode modal = f.view(2);
    assertThat(modal.path("callback_id").asText()).isEqualTo(Ids.REJECT_VIEW);
    assertThat(f.bob.submit(modal, Map.of()).json().path("errors").has(RejectAction.REASON))
        .isTrue();
    f.bob.submit(modal, Map.of(RejectAction.REASON, "wrong tenant pools"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> f.service.run(run).state() == RunStatus.REJECTED);
    await().atMost(Duration.ofSeconds(5)).until(() -> request().versions.size() == 2);
    assertThat(request().blocks().toString())
        .contains("Rejected by <@U0BOB>", "wrong tenant pools");
  }

  @Test
  void rejectOpensNoModalForThoseWhoMayNotDecide() throws Exception {
    f.stranger.click(request(), Ids.REJECT);
    assertThat(f.response(1).body().toString()).contains("not an approver");
    assertThat(f.slack.views()).hasSize(1);
  }
}
