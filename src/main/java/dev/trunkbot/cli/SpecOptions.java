package dev.trunkbot.cli;

import dev.trunkbot.specfile.SpecFile;
import dev.trunkbot.trunk.InvalidInputException;
import dev.trunkbot.trunk.TrunkDraft;
import dev.trunkbot.trunk.TrunkSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The spec of a trunk from {@code --file} and/or flags for the common fields; flags win over the
 * file.
 */
public final class SpecOptions {
  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "A spec file (YAML, or JSON when it ends in .json).")
  Path file;

  @Option(names = "--name", paramLabel = "NAME", description = "The trunk's friendly name.")
  String name;

  @Option(
      names = "--domain",
      paramLabel = "LABEL",
      description = "The termination URI's label (LABEL.pstn.twilio.com).")
  String domain;

  @Option(
      names = "--pbx",
      paramLabel = "ADDRESS",
      description = "The PBX's public static IP or FQDN.")
  String pbx;

  @Option(
      names = "--dids",
      paramLabel = "POOL",
      description = "The DIDs, e.g. 12027594810-12027594815;12027594820.")
  String dids;

  @Option(
      names = "--tenant",
      paramLabel = "NAME=POOL",
      description = "A tenant and its DID pool (system level; repeatable).")
  List<String> tenants = new ArrayList<>();

  @Option(
      names = "--tenant-level",
      paramLabel = "TENANT",
      description = "Build a private trunk of this tenant (tenant level).")
  String tenantLevel;

  @Option(names = "--max-calls", paramLabel = "N", description = "PortSIP's Max Concurrent Calls.")
  String maxCalls;

  @Option(
      names = "--username",
      paramLabel = "USER",
      description = "The credential's username (default: the termination label).")
  String username;

  /** The spec, or every problem in it. Nothing is started before this succeeds. */
  public TrunkSpec spec() {
    TrunkDraft base =
        file == null
            ? new TrunkDraft("", "", "", List.of(), "", "", Map.of(), "", "", "", "")
            : SpecFile.readDraft(file);
    if (file == null && name == null && domain == null && pbx == null && dids == null) {
      throw new InvalidInputException(
          "file",
          "give a spec file with --file, or at least --name, --domain, --pbx,"
              + " --dids and --max-calls");
    }
    boolean tenantFlags = !tenants.isEmpty() || tenantLevel != null;
    List<TrunkDraft.Tenant> tenantPools = tenantPools();
    return TrunkSpec.from(
        new TrunkDraft(
            or(name, base.name()),
            or(domain, base.termination()),
            or(pbx, base.pbx()),
            base.origination(),
            or(dids, base.dids()),
            tenantLevel != null ? "tenant" : !tenants.isEmpty() ? "system" : base.level(),
            tenantFlags ? tenantPools : base.tenants(),
            tenantFlags ? (tenantLevel == null ? "" : tenantLevel) : base.tenant(),
            or(maxCalls, base.maxConcurrentCalls()),
            or(username, base.username()),
            base.password()));
  }

  /**
   * Each {@code --tenant NAME=POOL} as given, in order: a tenant given twice reaches validation
   * (which refuses it) instead of the last one silently winning.
   */
  private List<TrunkDraft.Tenant> tenantPools() {
    List<TrunkDraft.Tenant> out = new ArrayList<>();
    for (String flag : tenants) {
      int eq = flag.indexOf('=');
      if (eq < 0) {
        throw new InvalidInputException(
            "tenants",
            "'"
                + flag
                + "' is not NAME=POOL: give --tenant acme=12027594810-12027594815 (repeat it"
                + " for each tenant)");
      }
      out.add(new TrunkDraft.Tenant(flag.substring(0, eq), flag.substring(eq + 1)));
    }
    return out;
  }

  private static String or(String flag, String fromFile) {
    return flag != null ? flag : fromFile;
  }
}
