package dev.trunkbot.service;

/** Opens the service once per process, as a client or a worker; wired by {@code app}. */
@FunctionalInterface
public interface ServiceFactory {
  /**
   * @throws IllegalArgumentException a setting is wrong; the message names the variable and what
   *     would be valid
   * @throws IllegalStateException the database or a service cannot be opened; the message says why
   *     and what to do
   */
  TrunkService open(Role role);
}
