package dev.trunkbot.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step attempt when its db-scheduler task comes up: claim (or ask for approval), execute
 * with the resource permit and the timeout, record the outcome, and say what to schedule next.
 */
final class StepRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

  /** What db-scheduler should do with the task: remove it, or run it again at a time (retry). */
  sealed interface Next {
    record Remove(List<String> schedule) implements Next {}

    record RetryAt(Instant at) implements Next {}
  }

  private final RunStore store;
  private final SecretBox box;
  private final ResourceLimits limits;
  private final ExecutorService stepPool;
  private final ExecutorService fanOutPool;
  private final Clock clock;
  private final DefaultStepContext.ProgressSink progress;
  private final Runnable eventsChanged;
  private final StepIntents intents;
  private final EngineObserver observer;

  StepRunner(
      RunStore store,
      SecretBox box,
      ResourceLimits limits,
      ExecutorService stepPool,
      ExecutorService fanOutPool,
      Clock clock,
      DefaultStepContext.ProgressSink progress,
      Runnable eventsChanged,
      EngineObserver observer) {
    this.observer = observer;
    this.store = store;
    this.box = box;
    this.limits = limits;
    this.stepPool = stepPool;
    this.fanOutPool = fanOutPool;
    this.clock = clock;
    this.progress = progress;
    this.eventsChanged = eventsChanged;
    this.intents = new StepIntents(store.jdbc(), clock);
  }

  Next run(RunId runId, WorkflowDefinition def, Step step) throws InterruptedException {
    Claim claim = store.claim(runId, def, step, clock.millis());
    eventsChanged.run();
    if (!(claim instanceof Claim.Execute exec)) {
      LOG.debug("run {} step {}: {}", runId, step.id(), claim);
      return new Next.Remove(List.of());
    }
    long started = System.nanoTime();
    try (LogContext.Scope log = LogContext.step(runId, step.id(), exec.requester())) {
      return attempt(runId, def, step, exec, started);
    }
  }

  private Next attempt(
      RunId runId, WorkflowDefinition def, Step step, Claim.Execute exec, long started)
      throws InterruptedException {
    DefaultStepContext ctx =
        new DefaultStepContext(
                runId,
                step.id(),
                exec.attempt(),
                exec.input(),
                exec.outputs(),
                exec.sealedSecrets(),
                box,
                limits,
                fanOutPool,
                progress,
                intents)
            .approved(exec.approved());
    StepResult result = execute(step, ctx);
    try {
      Next next = record(runId, def, step, exec.attempt(), result, ctx);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      EngineObserver.Outcome outcome = outcome(result, next);
      if (outcome == EngineObserver.Outcome.SUCCEEDED) {
        LOG.info("step {} succeeded in {} ms", step.id(), took.toMillis());
      }
      observer.stepAttempted(def.name(), step.id(), outcome, took);
      return next;
    } finally {
      eventsChanged.run();
    }
  }

  private static EngineObserver.Outcome outcome(StepResult result, Next next) {
    if (result instanceof StepResult.Done) {
      return EngineObserver.Outcome.SUCCEEDED;
    }
    if (result instanceof StepResult.Waiting) {
      return EngineObserver.Outcome.WAITING_APPROVAL;
    }
    return next instanceof Next.RetryAt
        ? EngineObserver.Outcome.RETRYING
        : EngineObserver.Outcome.FAILED;
  }

  private Next record(
      RunId runId,
      WorkflowDefinition def,
      Step step,
      int attempt,
      StepResult result,
      DefaultStepContext ctx) {
    if (result instanceof StepResult.Done done) {
      Map<String, String> sealed = new LinkedHashMap<>();
      done.secretOutputs().forEach((k, v) -> sealed.put(k, box.seal(runId, k, v)));
      return new Next.Remove(
          store.succeed(runId, def, step, done.outputs(), sealed, clock.millis()));
    }
    if (result instanceof StepResult.Waiting waiting) {
      String request = ctx.mask(waiting.request());
      Approvals.Asked asked = store.awaitApproval(runId, def, step, request, clock.millis());
      if (asked == Approvals.Asked.APPROVED) {
        return new Next.RetryAt(clock.instant()); // auto-approved: run it again at once
      }
      if (asked == Approvals.Asked.WAITING || !ctx.approved()) {
        return new Next.Remove(List.of());
      }
      result = StepResult.permanent("the step asked for approval again after it was approved");
    }
    StepResult.Failed failed = (StepResult.Failed) result;
    String masked = ctx.mask(failed.message());
    // last_error and the run's error hold 4,000 characters: keep the head, where the cause is
    String error = masked.length() > 3000 ? masked.substring(0, 3000) + "... (cut)" : masked;
    boolean willRetry = failed.retryable() && attempt < step.retry().maxAttempts();
    store.failAttempt(runId, def, step, attempt, error, willRetry, clock.millis());
    LOG.info(
        "run {} step {} attempt {} failed{}: {}",
        runId,
        step.id(),
        attempt,
        willRetry ? " (will retry)" : "",
        error);
    if (willRetry) {
      return new Next.RetryAt(clock.instant().plus(step.retry().backoffAfter(attempt)));
    }
    return new Next.Remove(List.of());
  }

  private StepResult execute(Step step, DefaultStepContext ctx) throws InterruptedException {
    Optional<ResourceLimits.Limiter> limiter = step.resource().map(limits::get);
    Future<StepResult> future =
        stepPool.submit(
            LogContext.carried(
                () -> {
                  if (limiter.isPresent()) {
                    limiter.get().acquire();
                    ctx.holding(limiter.get().resource());
                  }
                  try {
                    StepResult r = step.action().execute(ctx);
                    if (r == null) {
                      return StepResult.permanent("step returned no result");
                    }
                    return r;
                  } finally {
                    limiter.ifPresent(ResourceLimits.Limiter::release);
                  }
                }));
    try {
      return future.get(step.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return StepResult.retryable("timed out after " + format(step.timeout()));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String message =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      return StepResult.retryable(
          message.length() > 2000 ? message.substring(0, 2000) + "..." : message);
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    }
  }

  private static String format(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
