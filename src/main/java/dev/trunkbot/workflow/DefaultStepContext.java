package dev.trunkbot.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The context of one step attempt. Remembers which secrets it revealed so failure messages can be
 * masked.
 */
final class DefaultStepContext implements StepContext {
  interface ProgressSink {
    void progress(RunId run, String stepId, int done, int total, String note);
  }

  private final RunId runId;
  private final String stepId;
  private final int attempt;
  private final ObjectNode input;
  private final Map<String, ObjectNode> outputs;
  private final Map<String, String> sealedSecrets;
  private final SecretBox box;
  private final ResourceLimits limits;
  private final ExecutorService fanOutPool;
  private final ProgressSink progressSink;
  private final StepIntents intents;
  private final Set<String> revealed = ConcurrentHashMap.newKeySet();
  private volatile String heldResource;
  private boolean approved;

  DefaultStepContext(
      RunId runId,
      String stepId,
      int attempt,
      ObjectNode input,
      Map<String, ObjectNode> outputs,
      Map<String, String> sealedSecrets,
      SecretBox box,
      ResourceLimits limits,
      ExecutorService fanOutPool,
      ProgressSink progressSink,
      StepIntents intents) {
    this.runId = runId;
    this.stepId = stepId;
    this.attempt = attempt;
    this.input = input;
    this.outputs = Map.copyOf(outputs);
    this.sealedSecrets = Map.copyOf(sealedSecrets);
    this.box = box;
    this.limits = limits;
    this.fanOutPool = fanOutPool;
    this.progressSink = progressSink;
    this.intents = intents;
  }

  /** Marks the context of a step an approver approved. */
  DefaultStepContext approved(boolean value) {
    this.approved = value;
    return this;
  }

  @Override
  public boolean approved() {
    return approved;
  }

  @Override
  public RunId runId() {
    return runId;
  }

  @Override
  public String stepId() {
    return stepId;
  }

  @Override
  public int attempt() {
    return attempt;
  }

  @Override
  public ObjectNode input() {
    return input.deepCopy();
  }

  @Override
  public ObjectNode output(String id) {
    ObjectNode o = outputs.get(id);
    return o == null ? Json.MAPPER.createObjectNode() : o.deepCopy();
  }

  @Override
  public Map<String, ObjectNode> outputs() {
    return outputs;
  }

  @Override
  public Optional<String> secret(String name) {
    String sealed = sealedSecrets.get(name);
    if (sealed == null) {
      return Optional.empty();
    }
    String value = box.open(runId, name, sealed);
    revealed.add(value);
    return Optional.of(value);
  }

  @Override
  public void intend(String kind, Collection<String> keys) {
    intents.record(runId, stepId, kind, keys);
  }

  @Override
  public Set<String> intended(String kind) {
    return Set.copyOf(intents.of(runId, kind));
  }

  /** Replaces every secret value this step saw by ****. */
  String mask(String text) {
    String out = text;
    for (String s : revealed) {
      if (!s.isEmpty()) {
        out = out.replace(s, "****");
      }
    }
    return out;
  }

  void holding(String resource) {
    this.heldResource = resource;
  }

  @Override
  public void progress(int done, int total, String note) {
    progressSink.progress(runId, stepId, done, total, note == null ? "" : mask(note));
  }

  @Override
  public ResourceLimiter limiter(String resource) {
    return limits.get(resource);
  }

  @Override
  public <T, R> List<R> forEachConcurrently(
      String resource, List<T> items, ResourceLimiter.Call<T, R> fn)
      throws FanOutException, InterruptedException {
    ResourceLimits.Limiter limiter = limits.get(resource);
    boolean releaseOwn = resource.equals(heldResource);
    if (releaseOwn) {
      limiter
          .release(); // the step's own permit would otherwise count against its fan-out (and could
      // deadlock)
    }
    try {
      return fanOut(limiter, items, fn);
    } finally {
      if (releaseOwn) {
        limiter.acquire();
      }
    }
  }

  private <T, R> List<R> fanOut(
      ResourceLimits.Limiter limiter, List<T> items, ResourceLimiter.Call<T, R> fn)
      throws FanOutException, InterruptedException {
    int total = items.size();
    int every = Math.max(1, total / 20);
    AtomicInteger done = new AtomicInteger();
    List<Future<R>> futures = new ArrayList<>(total);
    for (T item : items) {
      limiter.acquire();
      try {
        futures.add(
            fanOutPool.submit(
                LogContext.carried(
                    () -> {
                      try {
                        return fn.apply(item);
                      } finally {
                        limiter.release();
                        int n = done.incrementAndGet();
                        if (n % every == 0 || n == total) {
                          progress(n, total, "");
                        }
                      }
                    })));
      } catch (RuntimeException e) {
        limiter.release();
        throw e;
      }
    }
    List<R> results = new ArrayList<>(Collections.nCopies(total, null));
    List<FanOutException.ItemFailure> failures = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      try {
        results.set(i, futures.get(i).get());
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        failures.add(new FanOutException.ItemFailure(i, mask(String.valueOf(cause.getMessage()))));
      } catch (InterruptedException e) {
        futures.forEach(f -> f.cancel(true));
        throw e;
      }
    }
    if (!failures.isEmpty()) {
      throw new FanOutException(total, failures);
    }
    return results;
  }
}
