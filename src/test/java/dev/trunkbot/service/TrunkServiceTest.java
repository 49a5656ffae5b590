package dev.trunkbot.service;

import static dev.trunkbot.service.ServiceFixture.ALICE;
import static dev.trunkbot.service.ServiceFixture.BOB;
import static dev.trunkbot.service.ServiceFixture.CAROL;
import static dev.trunkbot.service.ServiceFixture.DAVE;
import static dev.trunkbot.service.ServiceFixture.NUMBERS;
import static dev.trunkbot.service.ServiceFixture.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every front end relies on, against in-memory Twilio and PortSIP. */
class TrunkServiceTest {
  private final FakeTwilio twilio = new FakeTwilio();
  private final FakePortSip portsip = new FakePortSip();
  private ServiceFixture fx;
  private TrunkService service;

  @BeforeEach
  void open() {
    twilio.purchase(NUMBERS);
    fx = new ServiceFixture(twilio, portsip, ServiceFixture.approvers());
    service = fx.service;
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private String waitingRun() throws Exception {
    var outcome = service.create(example(), ALICE, CreateOptions.defaults());
    assertThat(outcome).isInstanceOf(CreateOutcome.Started.class);
    RunSummary run = fx.settled(((CreateOutcome.Started) outcome).run().id());
    assertThat(run.state()).isEqualTo(RunStatus.WAITING_APPROVAL);
    return run.id();
  }

  @Test
  void createWaitsForApprovalSayingWhatWillBeRoutedAndAnApproverCompletesIt() throws Exception {
    String run = waitingRun();
    RunSummary waiting = service.run(run);
    assertThat(waiting.approval().orElseThrow().request())
        .contains("3 DIDs will be routed to Twilio trunk Trunk portsip-pbx");
    assertThat(waiting.next()).contains(RunSummary.NextAction.APPROVE);
    assertThat(twilio.assignedCount()).isZero();

    assertThat(service.approve(run, BOB, "checked")).isInstanceOf(DecisionOutcome.Decided.class);
    RunSummary done = fx.settled(run);
    assertThat(done.state()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(done.approval().orElseThrow().decidedBy()).contains(BOB);
    assertThat(done.resources().trunkSid()).hasValueSatisfying(s -> assertThat(s).startsWith("TK"));
    assertThat(done.resources().tenantPools()).containsEntry("acme", "12027594810-12027594812");
    assertThat(done.requester()).isEqualTo(ALICE);
    assertThat(twilio.assignedCount()).isEqualTo(3);
  }

  @Test
  void aNonApproverIsRefusedSayingWhoMayDecideAndTheRunKeepsWaiting() throws Exception {
    String run = waitingRun();
    DecisionOutcome stranger = service.approve(run, DAVE, "");
    assertThat(stranger).isInstanceOf(DecisionOutcome.NotAllowed.class);
    assertThat(((DecisionOutcome.NotAllowed) stranger).reason())
        .contains("not an approver")
        .contains("U0BOB")
        .contains("U0CAROL");
    assertThat(service.reject(run, DAVE, "")).isInstanceOf(DecisionOutcome.NotAllowed.class);
    assertThat(service.run(run).state()).isEqualTo(RunStatus.WAITING_APPROVAL);
  }

  @Test
  void theRequesterMayNotApproveTheirOwnRunEvenAsAnApprover() throws Exception {
    fx.close();
    fx = new ServiceFixture(twilio, portsip, ApprovalPolicy.of("U0ALICE,U0BOB", false, false));
    service = fx.service;
    String run = waitingRun();
    DecisionOutcome self = service.approve(run, ALICE, "");
    assertThat(((DecisionOutcome.NotAllowed) self).reason()).contains("someone else must approve");
    assertThat(service.run(run).state()).isEqualTo(RunStatus.WAITING_APPROVAL);
    assertThat(service.approve(run, BOB, "")).isInstanceOf(DecisionOutcome.Decided.class);
  }

  @Test
  void membersOfAnApproverGroupMayDecide() throws Exception {
    fx.close();
    ApprovalPolicy groups =
        ApprovalPolicy.of("S0NOC", false, false)
            .withGroups(g -> g.equals("S0NOC") ? java.util.Set.of("U0DAVE") : java.util.Set.of());
    fx = new ServiceFixture(twilio, portsip, groups);
    service = fx.service;
    String run = waitingRun();
    assertThat(service.approve(run, CAROL, "")).isInstanceOf(DecisionOutcome.NotAllowed.class);
    assertThat(service.approve(run, DAVE, "")).isInstanceOf(DecisionOutcome.Decided.class);
    assertThat(fx.settled(run).state()).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void rejectEndsTheRunRoutingNothingAndASecondDecisionIsToldWhoDecided() throws Exception {
    String run = waitingRun();
    assertThat(service.reject(run, CAROL, "wrong numbers"))
        .isInstanceOf(DecisionOutcome.Decided.class);
    assertThat(service.run(run).state()).isEqualTo(RunStatus.REJECTED);
    assertThat(twilio.assignedCount()).isZero();
    DecisionOutcome late = service.approve(run, BOB, "");
    assertThat(late).isInstanceOf(DecisionOutcome.AlreadyDecided.class);
    assertThat(((DecisionOutcome.AlreadyDecided) late).by()).isEqualTo(CAROL);
    assertThat(service.run(run).approval().orElseThrow().reason()).contains("wrong numbers");
  }

  @Test
  void aRepeatedCreateAnswersTheActiveRunAndAnotherSpecIsRefusedNamingIt() throws Exception {
    String run = waitingRun();
    var again = service.create(example(), ALICE, CreateOptions.defaults());
    assertThat(again).isInstanceOf(CreateOutcome.AlreadyStarted.class);
    assertThat(((CreateOutcome.AlreadyStarted) again).run().id()).isEqualTo(run);

    var other =
        service.create(
            ServiceFixture.spec("portsip-pbx", "12027594810-12027594811"),
            ALICE,
            CreateOptions.defaults());
    assertThat(other).isInstanceOf(CreateOutcome.Refused.class);
    CreateOutcome.Refused refused = (CreateOutcome.Refused) other;
    assertThat(refused.reason()).contains(run).contains("WAITING_APPROVAL").contains("Alice");
    assertThat(refused.activeRun()).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(run));
    assertThat(service.create(example(), BOB, CreateOptions.defaults()))
        .as("the same spec from someone else")
        .isInstanceOf(CreateOutcome.Refused.class);
    assertThat(service.list(10)).hasSize(1);
  }

  @Test
  void aSecondRunWhoseDidsAreAllOnTheTrunkAlreadyNeedsNoApproval() throws Exception {
    String first = waitingRun();
    service.approve(first, BOB, "");
    assertThat(fx.settled(first).state()).isEqualTo(RunStatus.SUCCEEDED);
    var second = service.create(example(), ALICE, CreateOptions.defaults());
    RunSummary run = fx.settled(((CreateOutcome.Started) second).run().id());
    assertThat(run.state()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.approval()).as("nothing was asked").isEmpty();
    assertThat(run.step("assign-dids").orElseThrow().found()).isEqualTo(3);
  }

  @Test
  void planShowsWhatCreateWouldDoAndThenThatBothSidesAreInSync() throws Exception {
    PlanSummary before = service.plan(example());
    assertThat(before.inSync()).isFalse();
    assertThat(before.count(PlanSummary.Change.CREATE)).isGreaterThanOrEqualTo(6);
    assertThat(twilio.writes).as("plan changes nothing").isZero();
    String run = waitingRun();
    service.approve(run, BOB, "");
    fx.settled(run);
    assertThat(service.plan(example()).inSync()).isTrue();
  }

  @Test
  void statusOfATrunkByNameOrLabelShowsItsLatestRunAndDrift() throws Exception {
    String run = waitingRun();
    service.approve(run, CAROL, "");
    fx.settled(run);
    TrunkReport byLabel = service.status("portsip-pbx").orElseThrow();
    assertThat(byLabel.latestRun().id()).isEqualTo(run);
    assertThat(byLabel.inSync()).isTrue();
    twilio.removeOriginationUrls("portsip-pbx.pstn.twilio.com");
    TrunkReport byName = service.status("trunk PORTSIP-PBX").orElseThrow();
    assertThat(byName.inSync()).isFalse();
    assertThat(byName.drift().orElseThrow().differences())
        .anySatisfy(l -> assertThat(l.detail()).contains("region=us2"));
    assertThat(service.status("no-such-trunk")).isEmpty();
  }

  @Test
  void resumeAfterTheCauseIsFixedFinishesTheRun() throws Exception {
    portsip.refuseNextCreate = true;
    var outcome = service.create(example(), ALICE, CreateOptions.defaults());
    String run = ((CreateOutcome.Started) outcome).run().id();
    RunSummary failed = fx.settled(run);
    assertThat(failed.state()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.step("portsip-trunk").orElseThrow().error())
        .hasValueSatisfying(e -> assertThat(e).contains("hostname is bad"));
    assertThat(failed.next()).contains(RunSummary.NextAction.RESUME);
    assertThat(service.resume(run, ALICE)).isInstanceOf(ActionResult.Accepted.class);
    assertThat(fx.settled(run).state())
        .as("the DIDs still wait for their approval")
        .isEqualTo(RunStatus.WAITING_APPROVAL);
    service.approve(run, BOB, "");
    assertThat(fx.settled(run).state()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(portsip.trunkCount()).isEqualTo(1);
  }

  @Test
  void rollbackIsForApproversAndUndoesWhatTheRunMade() throws Exception {
    String run = waitingRun();
    service.approve(run, BOB, "");
    fx.settled(run);
    assertThat(service.rollback(run, DAVE)).isInstanceOf(ActionResult.Refused.class);
    assertThat(twilio.trunkCount()).isEqualTo(1);
    assertThat(service.rollback(run, CAROL)).isInstanceOf(ActionResult.Accepted.class);
    assertThat(fx.settled(run).state()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(twilio.trunkCount()).isZero();
    assertThat(twilio.assignedCount()).isZero();
    assertThat(portsip.trunkCount()).isZero();
  }

  @Test
  void theRequesterMayCancelAWaitingRunAndItsKeyIsFreeAgain() throws Exception {
    String run = waitingRun();
    assertThat(service.cancel(run, DAVE)).isInstanceOf(ActionResult.Refused.class);
    assertThat(service.cancel(run, ALICE)).isInstanceOf(ActionResult.Accepted.class);
    assertThat(service.run(run).state()).isEqualTo(RunStatus.CANCELLED);
    assertThat(service.create(example(), BOB, CreateOptions.defaults()))
        .isInstanceOf(CreateOutcome.Started.class);
  }

  @Test
  void notesGivenAtCreateAndLaterStayWithTheRun() throws Exception {
    var outcome =
        service.create(example(), ALICE, new CreateOptions(false, Map.of("slack.channel", "C1")));
    String run = ((CreateOutcome.Started) outcome).run().id();
    service.note(run, "slack.ts", "1700000000.000100");
    assertThat(service.run(run).notes())
        .containsEntry("slack.channel", "C1")
        .containsEntry("slack.ts", "1700000000.000100");
  }

  @Test
  void anUnknownRunIdIsNoSuchRun() {
    assertThatThrownBy(() -> service.run("4a7c1d3e-0000-0000-0000-000000000000"))
        .isInstanceOf(NoSuchRunException.class)
        .hasMessageContaining("list");
    assertThatThrownBy(
            () -> service.approve("not a run id at all, far too long to be one", BOB, ""))
        .isInstanceOf(NoSuchRunException.class);
    assertThat(service.status("")).isEqualTo(Optional.empty());
  }
}
