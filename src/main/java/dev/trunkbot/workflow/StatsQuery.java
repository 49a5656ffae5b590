package dev.trunkbot.workflow;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads {@link EngineStats}: a few aggregate queries, none of which scans events. */
final class StatsQuery {
  private StatsQuery() {}

  static EngineStats read(Jdbc jdbc, long now) {
    Map<RunState, Long> runs = new EnumMap<>(RunState.class);
    for (RunState s : RunState.values()) {
      runs.put(s, 0L);
    }
    jdbc.query(
            "SELECT state, COUNT(*) FROM wf_run GROUP BY state",
            rs -> Map.entry(RunState.valueOf(rs.getString(1)), rs.getLong(2)))
        .forEach(e -> runs.put(e.getKey(), e.getValue()));
    List<long[]> pending =
        jdbc.query(
            "SELECT COUNT(*), MIN(requested_at) FROM wf_approval WHERE decision = 'PENDING'",
            rs -> new long[] {rs.getLong(1), rs.getLong(2)});
    long waiting = pending.isEmpty() ? 0 : pending.get(0)[0];
    Duration oldest =
        waiting == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, now - pending.get(0)[1]));
    long last = Events.lastId(jdbc);
    Map<String, Long> backlog = new HashMap<>();
    jdbc.query(
            "SELECT name, last_event_id FROM wf_consumer",
            rs -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> backlog.put(e.getKey(), Math.max(0, last - e.getValue())));
    Map<String, Long> permits = new HashMap<>();
    jdbc.query(
            "SELECT resource, COUNT(*) FROM wf_permit WHERE owner IS NOT NULL AND lease_until >= ?"
                + " GROUP BY resource",
            rs -> Map.entry(rs.getString(1), rs.getLong(2)),
            now)
        .forEach(e -> permits.put(e.getKey(), e.getValue()));
    return new EngineStats(runs, waiting, oldest, backlog, permits);
  }
}
