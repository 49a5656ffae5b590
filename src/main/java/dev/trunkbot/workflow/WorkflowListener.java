package dev.trunkbot.workflow;

/**
 * Receives events from the engine's delivery thread. A throw is logged and does not stop the run.
 */
@FunctionalInterface
public interface WorkflowListener {
  void onEvent(WorkflowEvent event) throws Exception;
}
