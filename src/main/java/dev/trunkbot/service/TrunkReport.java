package dev.trunkbot.service;

import java.util.Optional;

/**
 * The answer to "status of a trunk": its latest run, and whether Twilio and PortSIP still hold what
 * that run asked for.
 *
 * @param query what was asked for (a name, a termination label or URI)
 * @param latestRun the newest run of that trunk
 * @param drift what differs now from that run's spec (in sync when empty of differences)
 * @param driftUnknown why the drift could not be read (a service unreachable), if it could not
 */
public record TrunkReport(
    String query,
    RunSummary latestRun,
    Optional<PlanSummary> drift,
    Optional<String> driftUnknown) {

  /** True when the drift was read and shows nothing to do. */
  public boolean inSync() {
    return drift.map(PlanSummary::inSync).orElse(false);
  }
}
