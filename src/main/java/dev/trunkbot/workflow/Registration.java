package dev.trunkbot.workflow;

/** Ends a listener's deliveries. */
public interface Registration extends AutoCloseable {
  @Override
  void close();

  /**
   * Whether this process is the one delivering right now. Always true for a subscription; for a
   * consumer, true while this process holds the consumer's lease with time to spare, so that work
   * done on behalf of the consumer (a Slack edit) stops before another process may take over.
   */
  default boolean active() {
    return true;
  }
}
