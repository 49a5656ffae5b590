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
    List<Tenant> tenants,
    String tenant,
    String maxConcurrentCalls,
    String username,
    String password) {
  public TrunkDraft {
    origination = List.copyOf(origination);
    tenants = List.copyOf(tenants);
  }

  /** A draft whose tenants come as a map (a tenant can then be given once only). */
  public TrunkDraft(
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
    this(
        name,
        termination,
        pbx,
        origination,
        dids,
        level,
        Tenant.of(tenants),
        tenant,
        maxConcurrentCalls,
        username,
        password);
  }

  /** One origination entry as typed. */
  public record Origination(String region, String priority, String weight) {}

  /**
   * One tenant and its DID pool as typed; a list, so a tenant given twice (or twice but for spaces
   * or case) reaches validation and is refused there instead of silently keeping one.
   */
  public record Tenant(String name, String pool) {
    public Tenant {
      java.util.Objects.requireNonNull(name, "name");
      java.util.Objects.requireNonNull(pool, "pool");
    }

    static List<Tenant> of(Map<String, String> tenants) {
      List<Tenant> out = new java.util.ArrayList<>();
      tenants.forEach((n, p) -> out.add(new Tenant(n, p)));
      return out;
    }
  }

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
