package dev.trunkbot.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Undoes a run's succeeded steps in reverse dependency order, one durable task per run. */
final class Rollbacker {
  private static final Logger LOG = LoggerFactory.getLogger(Rollbacker.class);
  private final RunStore store;
  private final RunCommands commands;
  private final SecretBox box;
  private final ResourceLimits limits;
  private final ExecutorService fanOutPool;
  private final Clock clock;
  private final DefaultStepContext.ProgressSink progress;
  private final StepIntents intents;

  Rollbacker(
      RunStore store,
      RunCommands commands,
      SecretBox box,
      ResourceLimits limits,
      ExecutorService fanOutPool,
      Clock clock,
      DefaultStepContext.ProgressSink progress) {
    this.store = store;
    this.commands = commands;
    this.box = box;
    this.limits = limits;
    this.fanOutPool = fanOutPool;
    this.clock = clock;
    this.progress = progress;
    this.intents = new StepIntents(store.jdbc(), clock);
  }

  /**
   * Returns empty when finished, or the time to try again after a failed undo (attempt = failures
   * so far + 1).
   */
  Optional<Instant> run(RunId runId, WorkflowDefinition def, int attempt) {
    var states =
        store
            .jdbc()
            .inTx(
                c -> {
                  Map<String, StepState> m = new java.util.HashMap<>();
                  for (var row :
                      Jdbc.query(
                          c,
                          "SELECT step_id, state FROM wf_step WHERE run_id = ?",
                          rs -> Map.entry(rs.getString(1), StepState.valueOf(rs.getString(2))),
                          runId.value())) {
                    m.put(row.getKey(), row.getValue());
                  }
                  var runState =
                      Jdbc.query(
                          c,
                          "SELECT state FROM wf_run WHERE id = ?",
                          rs -> rs.getString(1),
                          runId.value());
                  return runState.isEmpty() || !runState.get(0).equals(RunState.ROLLING_BACK.name())
                      ? null
                      : m;
                });
    if (states == null) {
      return Optional.empty();
    }
    for (String stepId : Progression.undoOrder(def, states, intents.steps(runId))) {
      Step step = def.step(stepId).orElseThrow();
      var data =
          store
              .jdbc()
              .inTx(
                  c ->
                      new Object[] {
                        RunStore.input(c, runId),
                        RunStore.outputs(c, runId),
                        RunStore.sealedSecrets(c, runId)
                      });
      @SuppressWarnings("unchecked")
      DefaultStepContext ctx =
          new DefaultStepContext(
              runId,
              stepId,
              attempt,
              (com.fasterxml.jackson.databind.node.ObjectNode) data[0],
              (Map<String, com.fasterxml.jackson.databind.node.ObjectNode>) data[1],
              (Map<String, String>) data[2],
              box,
              limits,
              fanOutPool,
              progress,
              intents);
      try {
        step.undo().orElseThrow().undo(ctx, ctx.output(stepId));
      } catch (Exception e) {
        String error =
            "undo of step '" + stepId + "' failed: " + ctx.mask(String.valueOf(e.getMessage()));
        LOG.warn("run {}: {} (attempt {})", runId, error, attempt);
        if (attempt >= step.retry().maxAttempts()) {
          commands.finishRollback(runId, error, clock.millis());
          return Optional.empty();
        }
        return Optional.of(clock.instant().plus(step.retry().backoffAfter(attempt)));
      }
      commands.markUndone(runId, stepId, step.title(), clock.millis());
    }
    commands.finishRollback(runId, null, clock.millis());
    return Optional.empty();
  }
}
