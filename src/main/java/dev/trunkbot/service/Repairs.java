package dev.trunkbot.service;

import dev.trunkbot.provisioning.PbxResolver;
import dev.trunkbot.provisioning.Planner;
import dev.trunkbot.provisioning.Repair;
import dev.trunkbot.workflow.RunView;
import java.util.Set;

/**
 * Which succeeded steps of a failed run must run again on resume because their resources are gone
 * or changed (someone deleted the trunk by hand), read from both sides.
 */
final class Repairs {
  private final Planner planner;

  Repairs(Planner planner) {
    this.planner = planner;
  }

  /**
   * Empty when nothing drifted, or when the sides cannot be read now (the failed steps say why).
   */
  Set<String> stepsToRerun(RunView view) {
    try {
      return Repair.of(planner).stepsToRerun(view);
    } catch (PbxResolver.UnresolvableException | RuntimeException unreadable) {
      return Set.of();
    }
  }
}
