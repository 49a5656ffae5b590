package dev.trunkbot.workflow;

import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * The log context (MDC) of a step attempt: its run, step and requester on every line logged while
 * it runs, carried over to the threads it hands work to.
 */
final class LogContext {
  static final String RUN = "run";
  static final String STEP = "step";
  static final String ACTOR = "actor";

  private LogContext() {}

  /** Removes what it put. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** Puts the step's keys; the returned handle removes them. */
  static Scope step(RunId run, String stepId, String actor) {
    MDC.put(RUN, run.value());
    MDC.put(STEP, stepId);
    MDC.put(ACTOR, actor);
    return () -> {
      MDC.remove(RUN);
      MDC.remove(STEP);
      MDC.remove(ACTOR);
    };
  }

  /** {@code task} run with the caller's log context, on whichever thread runs it. */
  static <T> Callable<T> carried(Callable<T> task) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    return () -> {
      Map<String, String> before = MDC.getCopyOfContextMap();
      if (context != null) {
        MDC.setContextMap(context);
      }
      try {
        return task.call();
      } finally {
        if (before == null) {
          MDC.clear();
        } else {
          MDC.setContextMap(before);
        }
      }
    };
  }
}
