package dev.trunkbot.service;

import dev.trunkbot.trunk.TrunkSpec;
import java.util.Optional;

/** Opens the service once per process, as a client or a worker; wired by {@code app}. */
@FunctionalInterface
public interface ServiceFactory {
  /**
   * @param spec the one trunk this process is about, when it is about one: in the sandbox its DIDs
   *     and tenants are seeded and, at tenant level, PortSIP is signed in to as that tenant's admin
   * @throws IllegalArgumentException a setting is wrong; the message names the variable and what
   *     would be valid
   * @throws IllegalStateException the database or a service cannot be opened; the message says why
   *     and what to do
   */
  TrunkService open(Role role, Optional<TrunkSpec> spec);
}
