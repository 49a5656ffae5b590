package dev.trunkbot.port;

import java.time.Duration;

/**
 * Told of every request an adapter sends to its vendor (for metrics). Operations are the port's own
 * names or a method and a path with its ids replaced: never a phone number, a credential or a body.
 */
public interface CallObserver {
  /** Observes nothing. */
  CallObserver NONE = new CallObserver() {};

  /**
   * One request, answered with HTTP {@code status} (0: no answer at all) after {@code took}.
   *
   * @param vendor "twilio" or "portsip"
   */
  default void called(String vendor, String operation, int status, Duration took) {}

  /** A request that failed with {@code status} (0: no answer) is about to be tried again. */
  default void retrying(String vendor, String operation, int status) {}
}
