package dev.trunkbot.service;

/** Stops a listener's deliveries. */
public interface Subscription extends AutoCloseable {
  @Override
  void close();

  /**
   * True while this process receives the deliveries: always for a subscription; for a consumer,
   * while this process holds it (of several processes consuming under one name, one at a time),
   * with time to spare before another could take over. Work done for a consumer checks it first.
   */
  default boolean active() {
    return true;
  }
}
