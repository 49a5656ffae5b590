package dev.trunkbot.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
