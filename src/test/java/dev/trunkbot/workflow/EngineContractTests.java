package dev.trunkbot.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trunkbot.testing.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The engine's behaviour, run on every database by a subclass that only says how to get one. */
abstract class EngineContractTests extends RunKeyContractTests {

  @Test
  void independentStepsRunConcurrently() throws Exception {
    CountDownLatch bothInside = new CountDownLatch(2);
    StepAction meetTheOther =
        ctx -> {
          bothInside.countDown();
          return bothInside.await(20, TimeUnit.SECONDS)
              ? StepResult.done("met", true)
              : StepResult.permanent("ran alone");
        };
    var def =
        WorkflowDefinition.builder("diamond", 1)
            .step(Step.builder("a", "A").execute(ctx -> StepResult.done()).build())
            .step(
                Step.builder("b", "B")
                    .dependsOn("a")
                    .execute(meetTheOther)
                    .retry(RetryPolicy.NONE)
                    .build())
            .step(
                Step.builder("c", "C")
                    .dependsOn("a")
                    .execute(meetTheOther)
                    .retry(RetryPolicy.NONE)
                    .build())
            .step(
                Step.builder("d", "D")
                    .dependsOn("b", "c")
                    .execute(
                        ctx ->
                            StepResult.done(
                                "sum",
                                ctx.output("b").path("met").asBoolean()
                                    && ctx.output("c").path("met").asBoolean()))
                    .build())
            .build();
    Engine engine = engine(def);
    RunView view = settled(engine, start(engine, "diamond"));
    assertSucceeded(view);
    assertThat(view.step("d").orElseThrow().outputs().path("sum").asBoolean()).isTrue();
  }

  @Test
  void stepFailingTwiceThenSucceedingCompletesTheRun() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    var def =
        WorkflowDefinition.builder("flaky", 1)
            .step(
                Step.builder("flaky", "Flaky")
                    .retry(fastRetry(3))
                    .execute(
                        ctx -> {
                          if (calls.incrementAndGet() < 3) {
                            throw new IllegalStateException(
                                "503 from upstream, attempt " + ctx.attempt());
                          }
                          return StepResult.done("attempt", ctx.attempt());
                        })
                    .build())
            .build();
    Engine engine = engine(def);
    RunId run = start(engine, "flaky");
    RunView view = settled(engine, run);
    assertSucceeded(view);
    assertThat(view.step("flaky").orElseThrow().attempts()).isEqualTo(3);
    assertThat(view.step("flaky").orElseThrow().outputs().path("attempt").asInt()).isEqualTo(3);
    awaitFinishedEvent(run);
    assertThat(recorder.of(run))
        .filteredOn(e -> e instanceof WorkflowEvent.StepFailed)
        .hasSize(2)
        .allMatch(e -> ((WorkflowEvent.StepFailed) e).willRetry());
  }

  @Test
  void permanentFailureFailsTheRunAndResumeRequeuesIt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    var def =
        WorkflowDefinition.builder("fix-and-resume", 1)
            .step(Step.builder("a", "A").execute(ctx -> StepResult.done()).build())
            .step(
                Step.builder("b", "B")
                    .dependsOn("a")
                    .execute(
                        ctx ->
                            calls.incrementAndGet() == 1
                                ? StepResult.permanent("PBX unreachable")
                                : StepResult.done())
                    .build())
            .build();
    Engine engine = engine(def);
    RunId run = start(engine, "fix-and-resume");
    RunView failed = settled(engine, run);
    assertThat(failed.state()).isEqualTo(RunState.FAILED);
    assertThat(failed.step("b").orElseThrow().lastError()).contains("PBX unreachable");
    assertThat(engine.resume(run, "bob")).isInstanceOf(ActionOutcome.Accepted.class);
    assertSucceeded(settled(engine, run));
    assertThat(calls).hasValue(2);
  }

  @Test
  void doubleApprovalYieldsOneDecision() throws Exception {
    AtomicInteger executed = new AtomicInteger();
    var def = gated(executed);
    Engine engine = engine(def);
    RunId run = start(engine, "gated");
    RunView waiting = settled(engine, run);
    assertThat(waiting.state()).isEqualTo(RunState.WAITING_APPROVAL);
    assertThat(waiting.step("assign-dids").orElseThrow().state())
        .isEqualTo(StepState.WAITING_APPROVAL);
    assertThat(executed).hasValue(0);
    assertThat(engine.approve(run, "assign-dids", "alice", "me"))
        .isInstanceOf(ApprovalOutcome.SelfApprovalRefused.class);

    CountDownLatch go = new CountDownLatch(1);
    List<ApprovalOutcome> outcomes = new CopyOnWriteArrayList<>();
    List<Thread> clickers = new ArrayList<>();
    for (String who : List.of("bob", "carol")) {
      Thread t =
          new Thread(
              () -> {
                try {
                  go.await();
                  outcomes.add(engine.approve(run, "assign-dids", who, "looks right"));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      t.start();
      clickers.add(t);
    }
    go.countDown();
    for (Thread t : clickers) {
      t.join();
    }
    assertThat(outcomes).filteredOn(o -> o instanceof ApprovalOutcome.Decided).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o instanceof ApprovalOutcome.AlreadyDecided).hasSize(1);
    RunView done = settled(engine, run);
    assertSucceeded(done);
    assertThat(executed).hasValue(1);
    var approval = done.step("assign-dids").orElseThrow().approval().orElseThrow();
    assertThat(approval.decision()).isEqualTo("APPROVED");
    assertThat(approval.decidedBy().orElseThrow()).isIn("bob", "carol");
    assertThat(engine.audit(run))
        .anyMatch(
            a ->
                a.action().equals("step.approved") && a.actor().equals(approval.decidedBy().get()));
  }

  @Test
  void rejectEndsTheRunWithoutExecutingTheStep() throws Exception {
    AtomicInteger executed = new AtomicInteger();
    Engine engine = engine(gated(executed));
    RunId run = start(engine, "gated");
    settled(engine, run);
    assertThat(engine.reject(run, "assign-dids", "bob", "wrong numbers"))
        .isEqualTo(new ApprovalOutcome.Decided("REJECTED", "bob"));
    RunView view = settled(engine, run);
    assertThat(view.state()).isEqualTo(RunState.REJECTED);
    assertThat(executed).hasValue(0);
    assertThat(engine.approve(run, "assign-dids", "carol", ""))
        .isEqualTo(
            new ApprovalOutcome.AlreadyDecided(
                "REJECTED",
                "bob",
                view.step("assign-dids")
                    .orElseThrow()
                    .approval()
                    .orElseThrow()
                    .decidedAt()
                    .orElseThrow()));
  }

  @Test
  void rollbackUndoesInReverseOrder() throws Exception {
    List<String> undone = new CopyOnWriteArrayList<>();
    var b = WorkflowDefinition.builder("chain", 1);
    String prev = null;
    for (String id : List.of("trunk", "termination", "credentials", "origination")) {
      var step =
          Step.builder(id, id)
              .execute(ctx -> StepResult.done("sid", "SID-" + ctx.stepId()))
              .undo((ctx, outputs) -> undone.add(outputs.path("sid").asText()));
      if (prev != null) {
        step.dependsOn(prev);
      }
      b.step(step.build());
      prev = id;
    }
    Engine engine = engine(b.build());
    RunId run = start(engine, "chain");
    assertSucceeded(settled(engine, run));
    assertThat(engine.rollback(run, "bob")).isInstanceOf(ActionOutcome.Accepted.class);
    RunView view = settled(engine, run);
    assertThat(view.state()).isEqualTo(RunState.ROLLED_BACK);
    assertThat(undone)
        .containsExactly("SID-origination", "SID-credentials", "SID-termination", "SID-trunk");
    assertThat(view.steps()).allMatch(s -> s.state() == StepState.UNDONE);
    assertThat(engine.audit(run)).filteredOn(a -> a.action().equals("step.undone")).hasSize(4);
  }

  @Test
  void aStepAskingForApprovalOnceASiblingFailedSettlesPendingForAResume() throws Exception {
    AtomicReference<Engine> engine = new AtomicReference<>();
    AtomicReference<RunId> run = new AtomicReference<>();
    WorkflowDefinition def =
        WorkflowDefinition.builder("asks-late", 1)
            .step(
                Step.builder("broken", "Broken")
                    .execute(ctx -> StepResult.permanent("refused"))
                    .build())
            .step(
                Step.builder("ask", "Ask")
                    .execute(
                        ctx -> {
                          // asks only once its sibling's failure has stopped the run
                          await()
                              .atMost(WAIT)
                              .until(
                                  () ->
                                      run.get() != null
                                          && engine.get().run(run.get()).orElseThrow().state()
                                              == RunState.FAILED);
                          return StepResult.awaitApproval("may I?");
                        })
                    .build())
            .build();
    engine.set(engine(def));
    run.set(start(engine.get(), "asks-late"));

    RunView failed = settled(engine.get(), run.get());
    assertThat(failed.state()).isEqualTo(RunState.FAILED);
    assertThat(failed.step("ask").orElseThrow().state())
        .as("not left RUNNING, where nothing runs it and the run never settles")
        .isEqualTo(StepState.PENDING);
  }

  @Test
  void cancelStopsARunWaitingForApproval() throws Exception {
    AtomicInteger executed = new AtomicInteger();
    Engine engine = engine(gated(executed));
    RunId run = start(engine, "gated");
    settled(engine, run);
    assertThat(engine.cancel(run, "bob")).isEqualTo(new ActionOutcome.Accepted(RunState.CANCELLED));
    RunView view = engine.run(run).orElseThrow();
    assertThat(view.state()).isEqualTo(RunState.CANCELLED);
    assertThat(view.step("assign-dids").orElseThrow().state()).isEqualTo(StepState.CANCELLED);
    assertThat(engine.approve(run, "assign-dids", "carol", ""))
        .isInstanceOf(ApprovalOutcome.NotWaiting.class);
    assertThat(engine.cancel(run, "bob")).isInstanceOf(ActionOutcome.Refused.class);
    assertThat(executed).hasValue(0);
  }

  @Test
  void eventsArriveInOrderWithStableIds() throws Exception {
    var def =
        WorkflowDefinition.builder("ordered", 1)
            .step(
                Step.builder("a", "A")
                    .execute(
                        ctx -> {
                          ctx.progress(1, 2, "half");
                          ctx.progress(2, 2, "all");
                          return StepResult.done();
                        })
                    .build())
            .step(Step.builder("b", "B").dependsOn("a").execute(ctx -> StepResult.done()).build())
            .build();
    Engine engine = engine(def);
    RunId run = start(engine, "ordered");
    awaitFinishedEvent(run);
    List<WorkflowEvent> events = recorder.of(run);
    assertThat(events).extracting(WorkflowEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "StepStarted",
            "Progress",
            "Progress",
            "StepSucceeded",
            "StepStarted",
            "StepSucceeded",
            "RunFinished");
    assertThat(events.get(0).id()).isEqualTo(run.value() + "#1");
    assertThat(((WorkflowEvent.Progress) events.get(1)).note()).isEqualTo("half");
  }

  @Test
  void throwingListenerDoesNotStopTheRun() throws Exception {
    var def =
        WorkflowDefinition.builder("noisy", 1)
            .step(Step.builder("a", "A").execute(ctx -> StepResult.done()).build())
            .step(Step.builder("b", "B").dependsOn("a").execute(ctx -> StepResult.done()).build())
            .build();
    Engine engine =
        engine(
            def,
            b ->
                b.listener(
                    e -> {
                      throw new IllegalStateException("Slack is down");
                    }));
    RunId run = start(engine, "noisy");
    assertSucceeded(settled(engine, run));
    awaitFinishedEvent(run);
  }

  @Test
  void fanOutKeepsAtMostTheResourceLimitInFlight() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    List<Integer> numbers = java.util.stream.IntStream.range(0, 60).boxed().toList();
    ResourceLimiter.Call<Integer, Integer> call =
        n -> {
          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          Thread.yield();
          inFlight.decrementAndGet();
          return n * 2;
        };
    var def =
        WorkflowDefinition.builder("fan-out", 1)
            .step(
                Step.builder("left", "Left")
                    .resource("twilio")
                    .execute(
                        ctx ->
                            StepResult.done(
                                "sum",
                                ctx.forEachConcurrently("twilio", numbers, call).stream()
                                    .mapToInt(i -> i)
                                    .sum()))
                    .build())
            .step(
                Step.builder("right", "Right")
                    .resource("twilio")
                    .execute(
                        ctx ->
                            StepResult.done(
                                "sum",
                                ctx.forEachConcurrently("twilio", numbers, call).stream()
                                    .mapToInt(i -> i)
                                    .sum()))
                    .build())
            .build();
    Engine engine = engine(def, b -> b.resourceLimit("twilio", 3));
    RunId run = start(engine, "fan-out");
    RunView view = settled(engine, run);
    assertSucceeded(view);
    assertThat(view.step("left").orElseThrow().outputs().path("sum").asInt()).isEqualTo(3540);
    assertThat(maxInFlight.get()).isBetween(1, 3);
    awaitFinishedEvent(run);
    assertThat(recorder.of(run))
        .filteredOn(e -> e instanceof WorkflowEvent.Progress)
        .anyMatch(e -> ((WorkflowEvent.Progress) e).done() == 60);
  }

  @Test
  void twoEnginesRunFiftyWorkflowsWithEveryStepExecutedOnce() throws Exception {
    Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    StepAction count =
        ctx -> {
          executions
              .computeIfAbsent(ctx.runId() + "/" + ctx.stepId(), k -> new AtomicInteger())
              .incrementAndGet();
          return StepResult.done();
        };
    var def =
        WorkflowDefinition.builder("many", 1)
            .step(Step.builder("a", "A").execute(count).build())
            .step(Step.builder("b", "B").dependsOn("a").execute(count).build())
            .step(Step.builder("c", "C").dependsOn("a").execute(count).build())
            .step(Step.builder("d", "D").dependsOn("b", "c").execute(count).build())
            .build();
    Engine first = engine(def, b -> b.name("engine-1"));
    Engine second = engine(def, b -> b.name("engine-2"));
    List<RunId> runs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      runs.add(
          (i % 2 == 0 ? first : second).startRun("many", "{\"n\":" + i + "}", Map.of(), "alice"));
    }
    for (RunId run : runs) {
      assertSucceeded(settled(first, run));
    }
    assertThat(executions).hasSize(200);
    assertThat(executions.values()).allMatch(n -> n.get() == 1);
  }

  @Test
  void approvalRequestExpires() throws Exception {
    var clock = TestClock.ticking();
    var def =
        WorkflowDefinition.builder("expiring", 1)
            .step(
                Step.builder("go", "Go")
                    .requiresApproval(java.time.Duration.ofHours(1))
                    .execute(ctx -> StepResult.done())
                    .build())
            .build();
    Engine engine = engine(def, b -> b.clock(clock));
    RunId run = start(engine, "expiring");
    assertThat(settled(engine, run).state()).isEqualTo(RunState.WAITING_APPROVAL);
    clock.advance(java.time.Duration.ofHours(2));
    assertThat(engine.approve(run, "go", "bob", "late"))
        .isInstanceOf(ApprovalOutcome.Expired.class);
    assertThat(engine.run(run).orElseThrow().state()).isEqualTo(RunState.FAILED);
  }

  @Test
  void secretsNeverAppearInEventsAuditViewsOrPlainColumns() throws Exception {
    String password = "Pa55-word-XYZ-123";
    String generated = "Gen-Secret-987";
    var def =
        WorkflowDefinition.builder("secretive", 1)
            .step(
                Step.builder("credentials", "Credential list")
                    .retry(fastRetry(2))
                    .execute(
                        ctx -> {
                          String p = ctx.secret("sip-password").orElseThrow();
                          if (ctx.attempt() == 1) {
                            throw new IllegalStateException("upstream rejected password " + p);
                          }
                          return StepResult.done("username", "pbx")
                              .withSecret("generated-password", generated);
                        })
                    .build())
            .step(
                Step.builder("use", "Use it")
                    .dependsOn("credentials")
                    .execute(
                        ctx ->
                            StepResult.done(
                                "length", ctx.secret("generated-password").orElseThrow().length()))
                    .build())
            .build();
    Engine engine = engine(def);
    RunId run =
        engine.startRun(
            "secretive", "{\"trunk\":\"acme\"}", Map.of("sip-password", password), "alice");
    RunView view = settled(engine, run);
    assertSucceeded(view);
    awaitFinishedEvent(run);
    assertThat(view.step("use").orElseThrow().outputs().path("length").asInt())
        .isEqualTo(generated.length());
    assertThat(view.secretNames()).containsExactly("generated-password", "sip-password");
    List<String> seen = new ArrayList<>();
    seen.add(view.toString());
    seen.add(Json.write(view.input()));
    view.steps().forEach(s -> seen.add(s.toString()));
    recorder.of(run).forEach(e -> seen.add(e.toString()));
    engine.audit(run).forEach(a -> seen.add(a.toString()));
    for (String table :
        List.of("wf_run", "wf_step", "wf_event", "wf_audit", "wf_approval", "wf_secret")) {
      seen.add(dump(table));
    }
    assertThat(seen).noneMatch(text -> text.contains(password) || text.contains(generated));
    assertThat(recorder.of(run))
        .filteredOn(e -> e instanceof WorkflowEvent.StepFailed)
        .anyMatch(e -> ((WorkflowEvent.StepFailed) e).error().contains("****"));
  }

  private String dump(String table) throws java.sql.SQLException {
    StringBuilder out = new StringBuilder();
    try (var c = dataSource.getConnection();
        var rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          out.append(rs.getString(i)).append('|');
        }
      }
    }
    return out.toString();
  }

  static WorkflowDefinition gated(AtomicInteger executed) {
    return WorkflowDefinition.builder("gated", 1)
        .step(Step.builder("trunk", "Create trunk").execute(ctx -> StepResult.done()).build())
        .step(
            Step.builder("assign-dids", "Assign DIDs")
                .dependsOn("trunk")
                .requiresApproval()
                .execute(
                    ctx -> {
                      executed.incrementAndGet();
                      return StepResult.done();
                    })
                .build())
        .build();
  }

  void awaitState(Engine engine, RunId run, RunState state) {
    await().atMost(WAIT).until(() -> engine.run(run).orElseThrow().state() == state);
  }
}
