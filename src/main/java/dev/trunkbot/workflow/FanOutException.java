package dev.trunkbot.workflow;

import java.util.List;

/**
 * Some items of {@link StepContext#forEachConcurrently} failed; {@link #failures()} says which and
 * why.
 */
public final class FanOutException extends Exception {
  /** One failed item: its index in the list and the failure message. */
  public record ItemFailure(int index, String message) {}

  private final List<ItemFailure> failures;

  public FanOutException(int total, List<ItemFailure> failures) {
    super(
        failures.size()
            + " of "
            + total
            + " items failed; first: item "
            + failures.get(0).index()
            + ": "
            + failures.get(0).message());
    this.failures = List.copyOf(failures);
  }

  public List<ItemFailure> failures() {
    return failures;
  }
}
