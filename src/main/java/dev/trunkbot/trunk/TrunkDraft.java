package dev.trunkbot.trunk;

import java.util.List;
import java.util.Map;

/**
 * What a user typed, before any check: every field as text, an empty string or list when left out.
 * {@link TrunkSpec#from(TrunkDraft)} turns it into a spec or reports every problem in it.
 */
public record TrunkDraft(
    String name,
    String termination,
    String pbx,
    List<Origination> origination,
    String dids,
    String level,
    Map<String, String> tenants,
    String tenant,
    String maxConcurrentCalls,
    String username,
    String password) {
  public TrunkDraft {
    origination = List.copyOf(origination);
    tenants = Map.copyOf(tenants);
  }

  /** One origination entry as typed. */
  public record Origination(String region, String priority, String weight) {}

  @Override
  public String toString() {
    return "TrunkDraft[name="
        + name
        + ", termination="
        + termination
        + ", pbx="
        + pbx
        + ", dids="
        + dids
        + ", level="
        + level
        + ", tenants="
        + tenants
        + ", tenant="
        + tenant
        + ", username="
        + username
        + ", password="
        + (password.isEmpty() ? "" : "****")
        + "]";
  }
}
