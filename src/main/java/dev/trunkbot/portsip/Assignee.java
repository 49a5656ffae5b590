package dev.trunkbot.portsip;

import java.util.Objects;

/**
 * A tenant assigned to a system-level trunk, with its DID pool and its share of concurrent calls.
 */
public record Assignee(String tenantName, String tenantId, String didNumbers, int concurrency) {
  public Assignee {
    Objects.requireNonNull(tenantName, "tenantName");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(didNumbers, "didNumbers");
  }
}
