package dev.trunkbot.port;

/**
 * Told just before a port sends a create (or an assignment) whose answer might be lost, so the
 * caller can record durably that it meant to make the resource: if a later attempt finds it, it is
 * the caller's own, not something that existed before. {@code kind} names the resource (e.g. {@code
 * twilio.trunk}); {@code key} is what it is found by (a name, a number). The call must return only
 * once the intent is stored.
 */
@FunctionalInterface
public interface Intents {
  /** For callers that keep no record (tests, plans). */
  Intents NONE = (kind, key) -> {};

  void before(String kind, String key);
}
