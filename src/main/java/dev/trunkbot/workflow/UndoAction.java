package dev.trunkbot.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reverses a finished step during rollback; gets the step's own outputs. Must be idempotent. */
@FunctionalInterface
public interface UndoAction {
  void undo(StepContext ctx, ObjectNode outputs) throws Exception;
}
