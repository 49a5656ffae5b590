package dev.trunkbot.provisioning;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What provisioning would do on both sides, resource by resource, without having changed anything.
 */
public record Plan(List<PlanItem> items) {
  public Plan {
    items = List.copyOf(items);
  }

  public long count(PlanItem.Action action) {
    return items.stream().filter(i -> i.action() == action).count();
  }

  /** True when both sides hold what the spec asks (extras aside) and nothing blocks. */
  public boolean inSync() {
    return items.stream()
        .allMatch(i -> i.action() == PlanItem.Action.NONE || i.action() == PlanItem.Action.EXTRA);
  }

  /**
   * The items that keep the plan from being in sync, one per line (the first {@code max}, then how
   * many more).
   */
  public String differences(int max) {
    List<String> lines =
        items.stream()
            .filter(i -> i.action() != PlanItem.Action.NONE && i.action() != PlanItem.Action.EXTRA)
            .map(PlanItem::toString)
            .collect(Collectors.toList());
    return lines.size() <= max
        ? String.join("\n", lines)
        : String.join("\n", lines.subList(0, max)) + "\n... and " + (lines.size() - max) + " more";
  }
}
