package dev.trunkbot.service;

import java.util.List;

/**
 * What a run of the spec would do on each side, resource by resource, read without changing
 * anything: the answer of {@code plan}, and the drift of an existing trunk.
 */
public record PlanSummary(List<Line> lines, boolean sandbox) {
  public PlanSummary {
    lines = List.copyOf(lines);
  }

  /** Which service a resource lives on. */
  public enum Side {
    TWILIO,
    PORTSIP
  }

  /** What a run would do with a resource. */
  public enum Change {
    /** Missing: a run creates it. */
    CREATE,
    /** Exists but differs: a run corrects it. */
    UPDATE,
    /** Exists as asked. */
    NONE,
    /** Exists, is not in the spec: left alone. */
    EXTRA,
    /** Nothing proceeds until a person acts (a DID the account does not own, a wrong password). */
    BLOCKED
  }

  /** One resource: {@code TWILIO CREATE trunk: Twilio-Reg-Trunk with termination URI ...}. */
  public record Line(Side side, String resource, Change change, String detail) {
    @Override
    public String toString() {
      return side + " " + change + " " + resource + (detail.isEmpty() ? "" : ": " + detail);
    }
  }

  public long count(Change change) {
    return lines.stream().filter(l -> l.change() == change).count();
  }

  /** Both sides hold what the spec asks (extras aside) and nothing blocks. */
  public boolean inSync() {
    return lines.stream().allMatch(l -> l.change() == Change.NONE || l.change() == Change.EXTRA);
  }

  public boolean blocked() {
    return count(Change.BLOCKED) > 0;
  }

  /** The lines that keep it from being in sync. */
  public List<Line> differences() {
    return lines.stream()
        .filter(l -> l.change() != Change.NONE && l.change() != Change.EXTRA)
        .toList();
  }
}
