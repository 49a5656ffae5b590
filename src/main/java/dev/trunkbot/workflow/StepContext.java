package dev.trunkbot.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a step sees while it executes (or is undone). */
public interface StepContext {
  RunId runId();

  String stepId();

  /** 1 for the first attempt. */
  int attempt();

  /** True once an approver approved this step (see {@link StepResult.Waiting}). */
  boolean approved();

  /** The run's input JSON object. */
  ObjectNode input();

  /** Outputs of a finished step; an empty object if that step has none (yet). */
  ObjectNode output(String stepId);

  /** Outputs of all finished steps, by step id. */
  Map<String, ObjectNode> outputs();

  /** A secret input of the run or a secret output of a finished step, decrypted. */
  Optional<String> secret(String name);

  /**
   * Records durably, before the call that may make them, that this step means to make these
   * resources: {@code kind} names what (e.g. {@code twilio.trunk}), each key how it is found (a
   * name, a number). All keys go in one transaction, committed when this returns; keys already
   * recorded are kept once. A resource found later under an intended key is the run's own, even if
   * the answer to the call that made it was lost or the process died waiting for it, and a rollback
   * undoes it; the step is undone on rollback even when it did not succeed.
   */
  void intend(String kind, Collection<String> keys);

  /** The keys of this kind the run intended, in any attempt of any step; also during undo. */
  Set<String> intended(String kind);

  /** Emits a {@link WorkflowEvent.Progress} event (e.g. DIDs assigned so far). */
  void progress(int done, int total, String note);

  /** The process-wide limiter of a resource (e.g. "twilio"). */
  ResourceLimiter limiter(String resource);

  /**
   * Applies {@code fn} to every item with at most the resource's limit in flight (shared by all
   * runs in this process), emitting throttled progress events. Returns results in item order; if
   * any item failed, throws {@link FanOutException} after all items finished.
   */
  <T, R> List<R> forEachConcurrently(String resource, List<T> items, ResourceLimiter.Call<T, R> fn)
      throws FanOutException, InterruptedException;
}
