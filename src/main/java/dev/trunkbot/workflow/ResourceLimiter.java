package dev.trunkbot.workflow;

/**
 * Permit-guarded access to one external resource, shared by all runs and steps of one engine (per
 * process).
 */
public interface ResourceLimiter {
  String resource();

  int limit();

  /** Runs {@code call} holding one permit; waits for a permit if all are in use. */
  <R> R call(java.util.concurrent.Callable<R> call) throws Exception;

  @FunctionalInterface
  interface Call<T, R> {
    R apply(T item) throws Exception;
  }
}
