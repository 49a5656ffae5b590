package dev.trunkbot.service;

import java.util.Map;
import java.util.Optional;

/**
 * What a run made or found, for its final summary (never a password).
 *
 * @param trunkSid the Twilio trunk (TK...) once known
 * @param portsipTrunkId the PortSIP provider id once known
 * @param dids the run's DID pool, {@code 12027594810-12027594815;12027594820}
 * @param didCount how many numbers the pool holds
 * @param tenantPools system level: tenant name to its pool; tenant level: the one tenant to all
 */
public record RunResources(
    Optional<String> trunkSid,
    Optional<String> portsipTrunkId,
    String dids,
    long didCount,
    Map<String, String> tenantPools) {
  public RunResources {
    tenantPools = Map.copyOf(tenantPools);
  }
}
