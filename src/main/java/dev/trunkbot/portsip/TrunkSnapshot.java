package dev.trunkbot.portsip;

import java.util.List;
import java.util.Objects;

/**
 * A trunk as the PBX holds it, for verification and drift (no password: the PBX never returns it).
 * Text fields the PBX left blank are empty strings; {@code assignees} is empty at tenant-admin
 * level.
 */
public record TrunkSnapshot(
    String id,
    String name,
    boolean enabled,
    String brand,
    String authMode,
    String hostname,
    Transport transport,
    int port,
    String authId,
    String username,
    boolean registration,
    String outboundServer,
    int outboundServerPort,
    int concurrency,
    String didNumbers,
    boolean shared,
    List<Assignee> assignees) {
  public TrunkSnapshot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(transport, "transport");
    assignees = List.copyOf(assignees);
  }
}
