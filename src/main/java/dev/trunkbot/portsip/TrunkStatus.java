package dev.trunkbot.portsip;

/**
 * What {@code GET /providers/{id}/status} says. A trunk without registration always shows ONLINE.
 */
public enum TrunkStatus {
  ONLINE,
  OFFLINE
}
