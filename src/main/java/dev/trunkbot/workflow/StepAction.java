package dev.trunkbot.workflow;

/**
 * A step's work. Must be idempotent: it may run again after a crash or a retry. A throw is a
 * retryable failure.
 */
@FunctionalInterface
public interface StepAction {
  StepResult execute(StepContext ctx) throws Exception;
}
