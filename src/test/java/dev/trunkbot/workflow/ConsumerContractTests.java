package dev.trunkbot.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Clients and workers, durable consumers, live subscriptions and notes. */
abstract class ConsumerContractTests extends EngineContract {

  static WorkflowDefinition twoSteps(AtomicInteger executed) {
    return WorkflowDefinition.builder("two", 1)
        .step(
            Step.builder("a", "A")
                .execute(
                    ctx -> {
                      executed.incrementAndGet();
                      return StepResult.done();
                    })
                .build())
        .step(
            Step.builder("b", "B")
                .dependsOn("a")
                .execute(
                    ctx -> {
                      executed.incrementAndGet();
                      return StepResult.done();
                    })
                .build())
        .build();
  }

  @Test
  void aClientExecutesNoStepAndAWorkerPicksUpWhatItStarted() throws Exception {
    AtomicInteger executed = new AtomicInteger();
    Engine client = engine(twoSteps(executed), b -> b.worker(false));
    RunId run = start(client, "two");
    Thread.sleep(500);
    assertThat(executed).as("a client executes nothing").hasValue(0);
    assertThat(client.run(run).orElseThrow().state()).isEqualTo(RunState.RUNNING);
    assertThatThrownBy(() -> client.consume("slack", e -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("client");
    Engine worker = engine(twoSteps(executed));
    assertSucceeded(settled(worker, run));
    assertThat(executed).hasValue(2);
    assertSucceeded(settled(client, run));
  }

  @Test
  void eachEventReachesAConsumerOnceAcrossTwoProcessesConsumingUnderOneName() throws Exception {
    AtomicInteger executed = new AtomicInteger();
    List<String> got = new CopyOnWriteArrayList<>();
    Engine one = engine(twoSteps(executed), b -> b.consumerLease(Duration.ofMillis(500)));
    Engine two = engine(twoSteps(executed), b -> b.consumerLease(Duration.ofMillis(500)));
    one.consume("reporter", e -> got.add("one " + e.id()));
    two.consume("reporter", e -> got.add("two " + e.id()));
    List<RunId> runs = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      runs.add(start(i % 2 == 0 ? one : two, "two"));
    }
    for (RunId run : runs) {
      assertSucceeded(settled(one, run));
    }
    long expected = runs.stream().mapToLong(r -> recorderCount(one, r)).sum();
    await().atMost(WAIT).until(() -> got.size() >= expected);
    Thread.sleep(300);
    List<String> ids = got.stream().map(g -> g.substring(4)).toList();
    assertThat(ids).doesNotHaveDuplicates().hasSize((int) expected);
  }

  @Test
  void oneOfTwoProcessesConsumingUnderOneNameIsActiveAndTheOtherTakesOverWhenItStops()
      throws Exception {
    AtomicInteger executed = new AtomicInteger();
    Engine one = engine(twoSteps(executed), b -> b.consumerLease(Duration.ofMillis(800)));
    Engine two = engine(twoSteps(executed), b -> b.consumerLease(Duration.ofMillis(800)));
    Registration first = one.consume("board", e -> {});
    await().atMost(WAIT).until(first::active);
    Registration second = two.consume("board", e -> {});
    Thread.sleep(1000); // longer than the lease: the holder renews it, the other never gets it
    assertThat(first.active()).isTrue();
    assertThat(second.active()).as("never two at once").isFalse();
    first.close();
    assertThat(first.active()).as("inactive once closed").isFalse();
    await().atMost(WAIT).until(second::active);
    assertThat(first.active()).isFalse();
    second.close();
  }

  private long recorderCount(Engine engine, RunId run) {
    RunView view = engine.run(run).orElseThrow();
    // StepStarted + StepSucceeded per step, and RunFinished
    return view.steps().size() * 2L + 1;
  }

  @Test
  void aConsumerStartedAgainResumesAfterItsLastEvent() throws Exception {
    AtomicInteger executed = new AtomicInteger();
    List<WorkflowEvent> first = new CopyOnWriteArrayList<>();
    Engine engine = engine(twoSteps(executed));
    Registration registration = engine.consume("reporter", first::add);
    RunId one = start(engine, "two");
    settled(engine, one);
    await()
        .atMost(WAIT)
        .until(() -> first.stream().anyMatch(e -> e instanceof WorkflowEvent.RunFinished));
    registration.close();
    RunId two = start(engine, "two");
    settled(engine, two);
    List<WorkflowEvent> second = new CopyOnWriteArrayList<>();
    engine.consume("reporter", second::add);
    await()
        .atMost(WAIT)
        .until(() -> second.stream().anyMatch(e -> e instanceof WorkflowEvent.RunFinished));
    assertThat(second).allMatch(e -> e.runId().equals(two));
    assertThat(second.get(0).seq()).as("from the first event it had not handled").isEqualTo(1);
  }

  @Test
  void aSubscriberOfOneRunSeesOnlyThatRunAndNothingIsConsumed() throws Exception {
    AtomicInteger executed = new AtomicInteger();
    Engine engine = engine(twoSteps(executed));
    List<WorkflowEvent> mine = new CopyOnWriteArrayList<>();
    List<WorkflowEvent> consumed = new CopyOnWriteArrayList<>();
    engine.consume("reporter", consumed::add);
    RunId run = engine.startRun("two", "{}", Map.of(), "alice");
    engine.subscribe(Optional.of(run), mine::add);
    RunId other = start(engine, "two");
    settled(engine, run);
    settled(engine, other);
    await()
        .atMost(WAIT)
        .until(
            () ->
                consumed.stream().filter(e -> e instanceof WorkflowEvent.RunFinished).count() == 2);
    assertThat(mine).isNotEmpty().allMatch(e -> e.runId().equals(run));
    assertThat(consumed)
        .filteredOn(e -> e.runId().equals(run))
        .hasSizeGreaterThanOrEqualTo(mine.size());
  }

  @Test
  void notesStayWithTheRun() throws Exception {
    Engine engine = engine(twoSteps(new AtomicInteger()));
    RunId run = start(engine, "two");
    engine.note(run, "slack.channel", "C123");
    engine.note(run, "slack.ts", "1.1");
    engine.note(run, "slack.ts", "2.2");
    assertThat(engine.run(run).orElseThrow().notes())
        .containsEntry("slack.channel", "C123")
        .containsEntry("slack.ts", "2.2");
  }

  @Test
  void aResourceLimitHoldsAcrossThreeEnginesOnOneDatabase() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    List<Integer> items = java.util.stream.IntStream.range(0, 30).boxed().toList();
    var def =
        WorkflowDefinition.builder("calls", 1)
            .step(
                Step.builder("call", "Call")
                    .execute(
                        ctx -> {
                          ctx.forEachConcurrently(
                              "twilio",
                              items,
                              n -> {
                                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                                Thread.sleep(5);
                                inFlight.decrementAndGet();
                                return n;
                              });
                          return StepResult.done();
                        })
                    .build())
            .build();
    List<Engine> engines = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      engines.add(engine(def, b -> b.resourceLimit("twilio", 4)));
    }
    List<RunId> runs = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      runs.add(start(engines.get(i % 3), "calls"));
    }
    for (RunId run : runs) {
      assertSucceeded(settled(engines.get(0), run));
    }
    assertThat(maxInFlight.get())
        .as("at most the limit at once, all engines together")
        .isBetween(1, 4);
  }

  @Test
  void aClientHoldingAPermitPastItsLeaseKeepsIt() throws Exception {
    Engine client =
        engine(
            twoSteps(new AtomicInteger()),
            b ->
                b.worker(false).resourceLimit("pbx", 1).clusterLimits(true, Duration.ofSeconds(1)));
    Engine other =
        engine(
            twoSteps(new AtomicInteger()),
            b ->
                b.worker(false).resourceLimit("pbx", 1).clusterLimits(true, Duration.ofSeconds(1)));
    CountDownLatch holding = new CountDownLatch(1);
    AtomicLong releasedAt = new AtomicLong();
    Thread plan =
        new Thread(
            () -> {
              try {
                client
                    .limiter("pbx")
                    .call(
                        () -> {
                          holding.countDown();
                          Thread.sleep(2_500); // two and a half leases
                          releasedAt.set(System.nanoTime());
                          return null;
                        });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    plan.start();
    holding.await();
    long gotAt = other.limiter("pbx").call(System::nanoTime);
    plan.join();
    assertThat(gotAt)
        .as("the other process got the one permit only after the client gave it back")
        .isGreaterThanOrEqualTo(releasedAt.get());
  }

  @Test
  void permitsOfAProcessThatStoppedRenewingReturnWhenTheirLeaseRunsOut() throws Exception {
    Jdbc jdbc = new Jdbc(dataSource);
    Databases.migrate(dataSource);
    ClusterPermits dead = new ClusterPermits(jdbc, java.time.Clock.systemUTC(), "dead", 400);
    ClusterPermits alive = new ClusterPermits(jdbc, java.time.Clock.systemUTC(), "alive", 10_000);
    dead.prepare("pbx", 2);
    long before = System.currentTimeMillis();
    dead.acquire("pbx", 2);
    dead.acquire("pbx", 2);
    alive.acquire("pbx", 2);
    assertThat(System.currentTimeMillis() - before)
        .as("a permit came free only when the dead process's lease ran out")
        .isGreaterThanOrEqualTo(400);
    alive.release("pbx");
  }

  @Test
  void eventsEveryConsumerPassedArePrunedAfterADayAndTheOthersKept() throws Exception {
    dev.trunkbot.testing.TestClock clock = dev.trunkbot.testing.TestClock.ticking();
    Engine engine = engine(twoSteps(new AtomicInteger()), b -> b.clock(clock));
    List<WorkflowEvent> seen = new CopyOnWriteArrayList<>();
    Registration fast = engine.consume("fast", seen::add);
    Registration slow = engine.consume("slow", e -> {});
    Jdbc jdbc = new Jdbc(dataSource);
    await()
        .atMost(WAIT)
        .until(
            () ->
                !jdbc.query("SELECT name FROM wf_consumer WHERE name = 'slow'", rs -> 1).isEmpty());
    slow.close(); // a consumer that stopped early: its cursor stays at the start
    RunId run = start(engine, "two");
    settled(engine, run);
    await()
        .atMost(WAIT)
        .until(() -> seen.stream().anyMatch(e -> e instanceof WorkflowEvent.RunFinished));
    long stored = jdbc.query("SELECT COUNT(*) FROM wf_event", rs -> rs.getLong(1)).get(0);
    clock.advance(Duration.ofDays(2));
    ((DefaultEngine) engine).prune();
    assertThat(jdbc.query("SELECT COUNT(*) FROM wf_event", rs -> rs.getLong(1)).get(0))
        .as("the slow consumer has not read them")
        .isEqualTo(stored);
    jdbc.inTx(c -> Jdbc.update(c, "DELETE FROM wf_consumer WHERE name = 'slow'"));
    ((DefaultEngine) engine).prune();
    assertThat(jdbc.query("SELECT COUNT(*) FROM wf_event", rs -> rs.getLong(1)).get(0)).isZero();
    fast.close();
  }
}
