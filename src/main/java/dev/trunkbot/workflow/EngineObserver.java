package dev.trunkbot.workflow;

import java.time.Duration;

/** Told what the engine's steps do (for metrics); called on the engine's threads, so be quick. */
public interface EngineObserver {
  /** Observes nothing. */
  EngineObserver NONE = new EngineObserver() {};

  /** How one step attempt ended, and how long it took from its start to its outcome. */
  enum Outcome {
    SUCCEEDED,
    /** It asked an approver, and waits. */
    WAITING_APPROVAL,
    /** It failed and will be tried again. */
    RETRYING,
    FAILED
  }

  /** One attempt of step {@code stepId} of a run of {@code workflow} ended. */
  default void stepAttempted(String workflow, String stepId, Outcome outcome, Duration took) {}
}
