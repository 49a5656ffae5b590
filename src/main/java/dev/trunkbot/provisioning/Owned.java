package dev.trunkbot.provisioning;

import dev.trunkbot.port.Ensured;
import dev.trunkbot.port.Intents;
import dev.trunkbot.workflow.StepContext;
import java.util.List;

/**
 * Which resources a run made: those a call of this run created, and those it intended (in any
 * attempt, before a lost answer or a crash) and then found. Only these are undone on rollback; what
 * existed before the run is left alone.
 */
final class Owned {
  private Owned() {}

  /** The ports' hook that records each intent in the run's database before the create is sent. */
  static Intents recorder(StepContext ctx) {
    return (kind, key) -> ctx.intend(kind, List.of(key));
  }

  /**
   * Whether the run made the resource that {@code result} reports under {@code kind}/{@code key}.
   */
  static boolean byRun(StepContext ctx, Ensured<?> result, String kind, String key) {
    return result.wasCreated() || ctx.intended(kind).contains(key);
  }
}
