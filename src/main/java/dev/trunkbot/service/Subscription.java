package dev.trunkbot.service;

/** Stops a listener's deliveries. */
public interface Subscription extends AutoCloseable {
  @Override
  void close();
}
