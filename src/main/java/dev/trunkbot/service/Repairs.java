package dev.trunkbot.service;

import dev.trunkbot.provisioning.Planner;
import dev.trunkbot.workflow.RunView;
import java.util.Set;

/**
 * Which succeeded steps of a failed run must run again on resume because their resources are gone
 * (someone deleted the trunk by hand), read from both sides.
 */
final class Repairs {
  private final Planner planner;

  Repairs(Planner planner) {
    this.planner = planner;
  }

  Set<String> stepsToRerun(RunView view) {
    return Set.of(); // TODO(faults branch): provisioning's drift-based repair
  }
}
