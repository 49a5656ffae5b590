package dev.trunkbot.provisioning;

/** One resource of the guide on one side, and what provisioning would do with it. */
public record PlanItem(Side side, String resource, Action action, String detail) {
  public enum Side {
    TWILIO,
    PORTSIP
  }

  public enum Action {
    /** Missing: provisioning creates it. */
    CREATE,
    /** Exists but differs from the spec: provisioning corrects it. */
    UPDATE,
    /** Exists as the spec asks. */
    NONE,
    /** Exists, is not in the spec: provisioning leaves it alone. */
    EXTRA,
    /** Provisioning cannot proceed until a person acts (e.g. a DID the account does not own). */
    BLOCKED
  }

  @Override
  public String toString() {
    return side + " " + action + " " + resource + (detail.isEmpty() ? "" : ": " + detail);
  }
}
