package dev.trunkbot.trunk;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Who the PortSIP trunk serves. At system-admin level it is shared to tenants, each with its own
 * DID pool (a DID belongs to one tenant only); at tenant-admin level it is one tenant's private
 * trunk with the whole pool.
 */
public sealed interface TrunkScope {
  Pattern TENANT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** {@code system} or {@code tenant}, as the spec file writes it. */
  String level();

  /**
   * Shared to tenants; tenant names sorted, pools pairwise disjoint and within the trunk's DIDs.
   */
  record SystemLevel(Map<String, DidPool> tenants) implements TrunkScope {
    public SystemLevel {
      tenants = java.util.Collections.unmodifiableMap(new TreeMap<>(tenants));
    }

    @Override
    public String level() {
      return "system";
    }
  }

  /** Private to one tenant, which owns all the trunk's DIDs. */
  record TenantLevel(String tenant) implements TrunkScope {
    @Override
    public String level() {
      return "tenant";
    }
  }

  /** Checks a tenant name as PortSIP knows it (its name, not its SIP domain). */
  static String checkTenantName(String field, String name) {
    String n = name == null ? "" : name.trim();
    Text.requireVisible(field, n);
    if (!TENANT_NAME.matcher(n).matches()) {
      throw new InvalidInputException(
          field,
          (n.isEmpty() ? "is missing" : "'" + n + "' is not a tenant name")
              + ": give the tenant's name in PortSIP (1-64 letters, digits, '.', '_' or '-')");
    }
    return n;
  }
}
