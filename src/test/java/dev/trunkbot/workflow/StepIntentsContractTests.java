package dev.trunkbot.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Intents: what a step meant to make, recorded before it acts, seen by later attempts and by the
 * undo, also of a step that did not succeed. Run on each database by a subclass.
 */
abstract class StepIntentsContractTests extends EngineContract {

  @Test
  void aLaterAttemptSeesWhatAnEarlierOneIntended() throws Exception {
    List<Set<String>> seen = new CopyOnWriteArrayList<>();
    var def =
        WorkflowDefinition.builder("intend-then-fail", 1)
            .step(
                Step.builder("trunk", "Trunk")
                    .retry(fastRetry(3))
                    .execute(
                        ctx -> {
                          seen.add(ctx.intended("trunk"));
                          if (ctx.attempt() == 1) {
                            ctx.intend("trunk", List.of("acme.pstn.twilio.com"));
                            throw new IllegalStateException("the answer was lost");
                          }
                          return StepResult.done();
                        })
                    .build())
            .build();
    Engine engine = engine(def);
    RunId run = start(engine, "intend-then-fail");
    assertSucceeded(settled(engine, run));
    assertThat(seen).containsExactly(Set.of(), Set.of("acme.pstn.twilio.com"));
  }

  @Test
  void intentsOfOneKindAreKeptOnceAndApartFromOtherKindsAndRuns() throws Exception {
    Map<String, Set<String>> seen = new java.util.concurrent.ConcurrentHashMap<>();
    var def =
        WorkflowDefinition.builder("kinds", 1)
            .step(
                Step.builder("dids", "DIDs")
                    .execute(
                        ctx -> {
                          List<String> many = new ArrayList<>();
                          for (int i = 0; i < 500; i++) {
                            many.add("PN" + i);
                          }
                          ctx.intend("number", many);
                          ctx.intend("number", List.of("PN0", "PN1", "PN500"));
                          ctx.intend("trunk", List.of("TK1"));
                          seen.put(ctx.runId().value(), ctx.intended("number"));
                          return StepResult.done();
                        })
                    .build())
            .build();
    Engine engine = engine(def);
    RunId first = start(engine, "kinds");
    RunId second = start(engine, "kinds");
    assertSucceeded(settled(engine, first));
    assertSucceeded(settled(engine, second));
    assertThat(seen.get(first.value())).hasSize(501).contains("PN0", "PN499", "PN500");
    assertThat(seen.get(second.value())).hasSize(501);
  }

  @Test
  void rollbackUndoesAFailedStepThatIntendedSomethingAndSeesItsIntents() throws Exception {
    List<String> undone = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    var def =
        WorkflowDefinition.builder("half-done", 1)
            .step(
                Step.builder("trunk", "Trunk")
                    .execute(ctx -> StepResult.done("sid", "TK1"))
                    .undo((ctx, out) -> undone.add("trunk " + out.path("sid").asText()))
                    .build())
            .step(
                Step.builder("dids", "DIDs")
                    .dependsOn("trunk")
                    .execute(
                        ctx -> {
                          calls.incrementAndGet();
                          ctx.intend("number", List.of("PN1", "PN2"));
                          return StepResult.permanent("PN2 could not be assigned");
                        })
                    .undo(
                        (ctx, out) ->
                            undone.add(
                                "dids "
                                    + new java.util.TreeSet<>(ctx.intended("number"))
                                    + " outputs "
                                    + out))
                    .build())
            .step(
                Step.builder("never", "Never")
                    .dependsOn("dids")
                    .execute(ctx -> StepResult.done())
                    .undo((ctx, out) -> undone.add("never"))
                    .build())
            .build();
    Engine engine = engine(def);
    RunId run = start(engine, "half-done");
    assertThat(settled(engine, run).state()).isEqualTo(RunState.FAILED);
    assertThat(engine.rollback(run, "bob")).isInstanceOf(ActionOutcome.Accepted.class);
    RunView view = settled(engine, run);
    assertThat(view.state()).isEqualTo(RunState.ROLLED_BACK);
    assertThat(undone).containsExactly("dids [PN1, PN2] outputs {}", "trunk TK1");
    assertThat(view.step("never").orElseThrow().state()).isEqualTo(StepState.PENDING);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aFailedStepThatIntendedNothingIsNotUndone() throws Exception {
    List<String> undone = new CopyOnWriteArrayList<>();
    var def =
        WorkflowDefinition.builder("refused", 1)
            .step(
                Step.builder("check", "Check")
                    .execute(ctx -> StepResult.permanent("the account does not own the DIDs"))
                    .undo((ctx, out) -> undone.add("check"))
                    .build())
            .build();
    Engine engine = engine(def);
    RunId run = start(engine, "refused");
    assertThat(settled(engine, run).state()).isEqualTo(RunState.FAILED);
    engine.rollback(run, "bob");
    assertThat(settled(engine, run).state()).isEqualTo(RunState.ROLLED_BACK);
    assertThat(undone).isEmpty();
  }
}
