package dev.trunkbot.workflow;

/** Ends a listener's deliveries. */
public interface Registration extends AutoCloseable {
  @Override
  void close();
}
