package dev.trunkbot.service;

import java.time.Duration;
import java.util.Map;

/**
 * The activity of every trunkbot process on one database.
 *
 * @param runs runs in each state (every state present)
 * @param approvalsWaiting approval requests not decided yet
 * @param oldestApproval how long the oldest of them has waited (zero when none)
 * @param backlog per event consumer (e.g. the Slack status board), events it has not handled yet
 * @param permitsInUse per vendor ("twilio", "portsip"), calls at once held right now
 */
public record Activity(
    Map<RunStatus, Long> runs,
    long approvalsWaiting,
    Duration oldestApproval,
    Map<String, Long> backlog,
    Map<String, Long> permitsInUse) {
  public Activity {
    runs = Map.copyOf(runs);
    backlog = Map.copyOf(backlog);
    permitsInUse = Map.copyOf(permitsInUse);
  }
}
