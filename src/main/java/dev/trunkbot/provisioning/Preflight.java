package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.portsip.PortSipException;
import dev.trunkbot.portsip.PortSipFailure;
import dev.trunkbot.portsip.RegisterTrunk;
import dev.trunkbot.portsip.TrunkSnapshot;
import dev.trunkbot.trunk.TrunkScope;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.NumberLookup;
import dev.trunkbot.twilio.TwilioFailure;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything that can be checked before a run changes anything, checked without changing anything:
 * Twilio accepts the credentials (the account is fetched and active), PortSIP accepts the sign-in
 * (and trusts-wise, its certificate), the PBX's name resolves to a public IPv4 address, the account
 * owns every DID, the tenants exist, and no trunk of that name on the PBX has a brand or auth mode
 * it cannot change. The first step of the guide, on which every other step depends, and the first
 * part of {@code plan}.
 */
public final class Preflight {
  static final String ID = "preflight";

  /** What a finding is about; some keep a side from being read at all. */
  public enum Topic {
    TWILIO_ACCESS,
    PORTSIP_ACCESS,
    PBX_ADDRESS,
    DIDS,
    TENANTS,
    PORTSIP_TRUNK
  }

  /**
   * One thing to fix before anything is changed: the setting or spec field to fix, what is wrong
   * and what would be right, and whether it may pass by itself (the vendor did not answer).
   */
  public record Finding(
      PlanItem.Side side, Topic topic, String field, String problem, boolean passing) {
    @Override
    public String toString() {
      return field + ": " + problem;
    }
  }

  private final Ports ports;

  public Preflight(Ports ports) {
    this.ports = ports;
  }

  /** Every finding, each one line; empty when nothing stands in the way. */
  public List<Finding> check(TrunkSpec spec) {
    List<Finding> out = new ArrayList<>();
    boolean twilio = twilioAccess(out);
    boolean portsip = portsipAccess(out);
    try {
      ports.resolver().ipv4(spec.pbx());
    } catch (PbxResolver.UnresolvableException e) {
      out.add(new Finding(PlanItem.Side.TWILIO, Topic.PBX_ADDRESS, "pbx", e.getMessage(), false));
    }
    if (twilio) {
      dids(spec, out);
    }
    if (portsip) {
      tenants(spec, out);
      existingTrunk(spec, out);
    }
    return out;
  }

  /** Only whether Twilio and PortSIP accept the credentials: two reads, nothing else. */
  public List<Finding> access() {
    List<Finding> out = new ArrayList<>();
    twilioAccess(out);
    portsipAccess(out);
    return out;
  }

  private boolean twilioAccess(List<Finding> out) {
    try {
      String status = ports.twilio().accountStatus();
      if (!status.equalsIgnoreCase("active")) {
        out.add(
            new Finding(
                PlanItem.Side.TWILIO,
                Topic.TWILIO_ACCESS,
                "TWILIO_ACCOUNT_SID",
                "the Twilio account is "
                    + status
                    + ", not active: reactivate it in the Twilio console or use another account",
                false));
        return false;
      }
      return true;
    } catch (TwilioFailure e) {
      String setting = e.status() == 401 || e.code() == 20003 ? credentialSetting(e) : "Twilio";
      out.add(
          new Finding(
              PlanItem.Side.TWILIO, Topic.TWILIO_ACCESS, setting, e.getMessage(), e.retryable()));
      return false;
    }
  }

  private static String credentialSetting(TwilioFailure e) {
    return e.getMessage().contains("TWILIO_API_KEY") ? "TWILIO_API_SECRET" : "TWILIO_AUTH_TOKEN";
  }

  private boolean portsipAccess(List<Finding> out) {
    try {
      ports.portsip().checkLogin();
      return true;
    } catch (PortSipFailure e) {
      boolean refused = e.status() >= 400 && e.status() < 500 && e.status() != 429;
      out.add(
          new Finding(
              PlanItem.Side.PORTSIP,
              Topic.PORTSIP_ACCESS,
              refused ? "PORTSIP_PASSWORD" : "PORTSIP_URL",
              e.getMessage(),
              !refused));
      return false;
    } catch (PortSipException e) {
      String setting =
          switch (e.reason()) {
            case UNTRUSTED_CERTIFICATE ->
                e.getMessage().contains("PORTSIP_CA_FILE") ? "PORTSIP_CA_FILE" : "PORTSIP_URL";
            case TWO_FACTOR_REQUIRED -> "PORTSIP_USERNAME";
            default -> "PORTSIP_URL";
          };
      boolean passing = e.reason() == PortSipException.Reason.UNREACHABLE;
      out.add(
          new Finding(
              PlanItem.Side.PORTSIP, Topic.PORTSIP_ACCESS, setting, e.getMessage(), passing));
      return false;
    }
  }

  private void dids(TrunkSpec spec, List<Finding> out) {
    List<String> numbers = new ArrayList<>();
    spec.dids().e164().forEach(numbers::add);
    try {
      NumberLookup lookup = ports.twilio().lookupNumbers(numbers);
      if (!lookup.allOwned()) {
        out.add(
            new Finding(
                PlanItem.Side.TWILIO,
                Topic.DIDS,
                "dids",
                FindDids.notOwned(lookup.notOwned(), numbers.size()),
                false));
      }
    } catch (TwilioFailure e) {
      out.add(new Finding(PlanItem.Side.TWILIO, Topic.DIDS, "dids", e.getMessage(), true));
    }
  }

  private void tenants(TrunkSpec spec, List<Finding> out) {
    List<String> wanted = new ArrayList<>();
    if (spec.scope() instanceof TrunkScope.SystemLevel system) {
      if (!ports.portsip().systemAdministrator()) {
        out.add(
            new Finding(
                PlanItem.Side.PORTSIP,
                Topic.TENANTS,
                "PORTSIP_DOMAIN",
                "a system-level trunk is shared to tenants by the PBX's system administrator, but"
                    + " PortSIP is logged in as a tenant administrator: leave PORTSIP_DOMAIN unset,"
                    + " or make the trunk tenant level",
                false));
        return;
      }
      wanted.addAll(system.tenants().keySet());
    } else if (spec.scope() instanceof TrunkScope.TenantLevel tenant) {
      wanted.add(tenant.tenant());
    }
    try {
      List<String> known = ports.portsip().tenantNames();
      List<String> lower =
          known.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toList());
      for (String name : wanted) {
        if (!lower.contains(name.toLowerCase(Locale.ROOT))) {
          String field =
              spec.scope() instanceof TrunkScope.SystemLevel ? "tenants." + name : "tenant";
          out.add(
              new Finding(
                  PlanItem.Side.PORTSIP,
                  Topic.TENANTS,
                  field,
                  "PortSIP has no tenant named '"
                      + name
                      + "'; "
                      + (known.isEmpty()
                          ? "this login sees no tenants"
                          : "tenants on the PBX: "
                              + known.stream().sorted().limit(25).collect(Collectors.joining(", "))
                              + (known.size() > 25 ? " ... (" + known.size() + " in all)" : "")),
                  false));
        }
      }
    } catch (PortSipException e) {
      out.add(new Finding(PlanItem.Side.PORTSIP, Topic.TENANTS, "tenants", e.getMessage(), true));
    }
  }

  private void existingTrunk(TrunkSpec spec, List<Finding> out) {
    try {
      Optional<TrunkSnapshot> existing = ports.portsip().readTrunk(spec.name());
      if (existing.isPresent()
          && (!RegisterTrunk.BRAND.equalsIgnoreCase(existing.get().brand())
              || !RegisterTrunk.AUTH_MODE.equals(existing.get().authMode()))) {
        out.add(
            new Finding(
                PlanItem.Side.PORTSIP,
                Topic.PORTSIP_TRUNK,
                "name",
                "a PortSIP trunk named '"
                    + spec.name()
                    + "' exists with brand "
                    + existing.get().brand()
                    + " and auth mode "
                    + existing.get().authMode()
                    + ", which PortSIP cannot change: choose another name, or delete that trunk",
                false));
      }
    } catch (PortSipException e) {
      out.add(
          new Finding(PlanItem.Side.PORTSIP, Topic.PORTSIP_TRUNK, "name", e.getMessage(), true));
    }
  }

  static Step step(Ports ports) {
    return Step.builder(ID, "Preflight: credentials, PBX address, DIDs and tenants (no change)")
        .resource(Ports.TWILIO)
        .execute(
            ctx -> {
              TrunkSpec spec = RunInput.spec(ctx.input());
              List<Finding> findings =
                  new Preflight(Limited.portsip(ports, ctx.limiter(Ports.PORTSIP))).check(spec);
              if (findings.isEmpty()) {
                ObjectNode out = new Changes().outputs();
                out.put("checked", true);
                return StepResult.done(out);
              }
              String lines =
                  findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
              return new StepResult.Failed(
                  "nothing was changed; fix "
                      + (findings.size() == 1 ? "this" : "these " + findings.size())
                      + " first:\n"
                      + lines,
                  findings.stream().allMatch(Finding::passing));
            })
        .build();
  }
}
