package dev.trunkbot.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One active run per business key, approvals a step asks for, resume of gone steps. */
abstract class RunKeyContractTests extends ConsumerContractTests {

  /** A step that asks for approval unless told nothing is to be routed. */
  static WorkflowDefinition gated(AtomicInteger routed) {
    return WorkflowDefinition.builder("gated", 1)
        .step(Step.builder("make", "Make").execute(ctx -> StepResult.done("made", true)).build())
        .step(
            Step.builder("route", "Route")
                .dependsOn("make")
                .execute(
                    ctx -> {
                      int toRoute = ctx.input().path("toRoute").asInt();
                      if (toRoute > 0 && !ctx.approved()) {
                        return StepResult.awaitApproval(toRoute + " DIDs will be routed");
                      }
                      routed.addAndGet(toRoute);
                      return StepResult.done("routed", toRoute);
                    })
                .build())
        .build();
  }

  static RunRequest keyed(String key, int toRoute, String requester) {
    return RunRequest.of("gated", "{\"toRoute\":" + toRoute + "}", requester).withBusinessKey(key);
  }

  @Test
  void sameRequesterSameInputAnswersTheActiveRunInsteadOfStartingAnother() throws Exception {
    Engine engine = engine(gated(new AtomicInteger()));
    StartOutcome first = engine.start(keyed("t1.pstn.twilio.com", 3, "alice"));
    assertThat(settled(engine, first.runId()).state()).isEqualTo(RunState.WAITING_APPROVAL);
    StartOutcome again = engine.start(keyed("t1.pstn.twilio.com", 3, "alice"));
    assertThat(again).isEqualTo(new StartOutcome.Existing(first.runId()));
    assertThat(engine.runs(RunFilter.all().withBusinessKey("t1.pstn.twilio.com"))).hasSize(1);
  }

  @Test
  void anotherSpecOrRequesterOnAnActiveKeyIsRefusedNamingTheActiveRun() throws Exception {
    Engine engine = engine(gated(new AtomicInteger()));
    RunId active = engine.start(keyed("t1.pstn.twilio.com", 3, "alice")).runId();
    settled(engine, active);
    assertThat(engine.start(keyed("t1.pstn.twilio.com", 4, "alice")))
        .isEqualTo(new StartOutcome.Conflict(active));
    assertThat(engine.start(keyed("t1.pstn.twilio.com", 3, "bob")))
        .isEqualTo(new StartOutcome.Conflict(active));
    assertThat(engine.start(keyed("t2.pstn.twilio.com", 3, "bob")))
        .as("another key is free")
        .isInstanceOf(StartOutcome.Started.class);
  }

  @Test
  void keyIsFreeAgainOnceTheRunIsRejectedOrSucceeded() throws Exception {
    Engine engine = engine(gated(new AtomicInteger()));
    RunId first = engine.start(keyed("t1.pstn.twilio.com", 3, "alice")).runId();
    settled(engine, first);
    engine.reject(first, "route", "bob", "wrong numbers");
    RunId second = engine.start(keyed("t1.pstn.twilio.com", 0, "alice")).runId();
    assertThat(second).isNotEqualTo(first);
    assertSucceeded(settled(engine, second));
    assertThat(engine.start(keyed("t1.pstn.twilio.com", 0, "alice")))
        .isInstanceOf(StartOutcome.Started.class);
  }

  @Test
  void concurrentStartsOnOneKeyStartOneRun() throws Exception {
    Engine engine = engine(gated(new AtomicInteger()));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<StartOutcome>> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String who = "user" + i;
        Callable<StartOutcome> start = () -> engine.start(keyed("race.pstn.twilio.com", 3, who));
        all.add(pool.submit(start));
      }
      List<StartOutcome> outcomes = new ArrayList<>();
      for (Future<StartOutcome> f : all) {
        outcomes.add(f.get());
      }
      assertThat(outcomes).filteredOn(o -> o instanceof StartOutcome.Started).hasSize(1);
      assertThat(outcomes.stream().map(StartOutcome::runId).distinct()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void stepThatFindsNothingToRouteNeverWaitsForApproval() throws Exception {
    AtomicInteger routed = new AtomicInteger();
    Engine engine = engine(gated(routed));
    RunView view = settled(engine, engine.start(keyed("t1.pstn.twilio.com", 0, "alice")).runId());
    assertSucceeded(view);
    assertThat(view.step("route").orElseThrow().approval()).isEmpty();
  }

  @Test
  void stepAskingForApprovalWaitsWithItsRequestAndRunsOnceApproved() throws Exception {
    AtomicInteger routed = new AtomicInteger();
    Engine engine = engine(gated(routed));
    RunId run = engine.start(keyed("t1.pstn.twilio.com", 7, "alice")).runId();
    RunView waiting = settled(engine, run);
    assertThat(waiting.state()).isEqualTo(RunState.WAITING_APPROVAL);
    assertThat(waiting.step("route").orElseThrow().approval().orElseThrow().request())
        .contains("7 DIDs will be routed");
    assertThat(routed).hasValue(0);
    assertThat(engine.approve(run, "route", "bob", "ok"))
        .isInstanceOf(ApprovalOutcome.Decided.class);
    assertSucceeded(settled(engine, run));
    assertThat(routed).hasValue(7);
    assertThat(engine.run(run).orElseThrow().step("route").orElseThrow().attempts())
        .as("asking is not an attempt")
        .isEqualTo(1);
  }

  @Test
  void autoApproverApprovesAtOnceAndTheRequestIsRecorded() throws Exception {
    AtomicInteger routed = new AtomicInteger();
    Engine engine = engine(gated(routed));
    RunId run =
        engine
            .start(keyed("t1.pstn.twilio.com", 5, "alice").withAutoApprover("system:auto"))
            .runId();
    RunView view = settled(engine, run);
    assertSucceeded(view);
    RunView.ApprovalView approval = view.step("route").orElseThrow().approval().orElseThrow();
    assertThat(approval.decision()).isEqualTo("APPROVED");
    assertThat(approval.decidedBy()).contains("system:auto");
    assertThat(approval.request()).contains("5 DIDs will be routed");
    assertThat(routed).hasValue(5);
  }

  @Test
  void rollbackOfARunWithANewerRunOnItsKeyIsRefusedNamingIt() throws Exception {
    Engine engine = engine(gated(new AtomicInteger()));
    RunId older = engine.start(keyed("t1.pstn.twilio.com", 0, "alice")).runId();
    assertSucceeded(settled(engine, older));
    RunId newer = engine.start(keyed("t1.pstn.twilio.com", 2, "alice")).runId();
    settled(engine, newer);
    ActionOutcome refused = engine.rollback(older, "carol");
    assertThat(refused).isInstanceOf(ActionOutcome.Refused.class);
    assertThat(((ActionOutcome.Refused) refused).reason()).contains(newer.value());
    assertThat(engine.run(older).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
  }

  @Test
  void resumeRunsGoneStepsAndEveryStepAfterThemAgain() throws Exception {
    AtomicInteger made = new AtomicInteger();
    AtomicInteger lastCalls = new AtomicInteger();
    var def =
        WorkflowDefinition.builder("repairable", 1)
            .step(
                Step.builder("make", "Make")
                    .execute(ctx -> StepResult.done("n", made.incrementAndGet()))
                    .build())
            .step(Step.builder("other", "Other").execute(ctx -> StepResult.done("x", 1)).build())
            .step(
                Step.builder("last", "Last")
                    .dependsOn("make", "other")
                    .retry(RetryPolicy.NONE)
                    .execute(
                        ctx ->
                            lastCalls.incrementAndGet() == 1
                                ? StepResult.permanent("the trunk is gone")
                                : StepResult.done())
                    .build())
            .build();
    Engine engine = engine(def);
    RunId run = start(engine, "repairable");
    assertThat(settled(engine, run).state()).isEqualTo(RunState.FAILED);
    assertThat(engine.resume(run, "bob", Set.of("make")))
        .isInstanceOf(ActionOutcome.Accepted.class);
    assertSucceeded(settled(engine, run));
    assertThat(made).as("the gone step ran again").hasValue(2);
    assertThat(engine.audit(run))
        .anySatisfy(a -> assertThat(a.detail()).contains("make").contains("last"));
  }

  @Test
  void aRunStartedUnderAnOlderDefinitionGoesOnUnderANewerOneWithAnAddedFirstStep()
      throws Exception {
    AtomicInteger routed = new AtomicInteger();
    Engine old = engine(gated(routed));
    RunId run = old.start(keyed("t1.pstn.twilio.com", 2, "alice")).runId();
    assertThat(settled(old, run).state()).isEqualTo(RunState.WAITING_APPROVAL);
    old.close();
    var newer =
        WorkflowDefinition.builder("gated", 2)
            .step(Step.builder("check", "Check").execute(ctx -> StepResult.done()).build())
            .step(
                Step.builder("make", "Make")
                    .dependsOn("check")
                    .execute(ctx -> StepResult.done())
                    .build())
            .step(gated(routed).step("route").orElseThrow())
            .build();
    Engine upgraded = engine(newer);
    upgraded.approve(run, "route", "bob", "");
    assertSucceeded(settled(upgraded, run));
    assertThat(routed).hasValue(2);
  }
}
