package dev.trunkbot.provisioning;

import static dev.trunkbot.provisioning.PlanItem.Action.BLOCKED;
import static dev.trunkbot.provisioning.PlanItem.Action.CREATE;
import static dev.trunkbot.provisioning.PlanItem.Action.EXTRA;
import static dev.trunkbot.provisioning.PlanItem.Action.NONE;
import static dev.trunkbot.provisioning.PlanItem.Action.UPDATE;
import static dev.trunkbot.provisioning.PlanItem.Side.PORTSIP;
import static dev.trunkbot.provisioning.PlanItem.Side.TWILIO;

import dev.trunkbot.portsip.Assignee;
import dev.trunkbot.portsip.RegisterTrunk;
import dev.trunkbot.trunk.DidPool;
import dev.trunkbot.trunk.OriginationTarget;
import dev.trunkbot.trunk.TrunkScope;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.NumberLookup;
import dev.trunkbot.twilio.TrunkSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what Twilio and PortSIP hold and compares it with a spec: the plan of {@code trunkbot
 * plan}, drift on an existing trunk, and the last step's verification. Only reads; never changes
 * anything.
 */
public final class Planner {
  private final Ports ports;

  public Planner(Ports ports) {
    this.ports = ports;
  }

  Ports ports() {
    return ports;
  }

  /**
   * The preflight's findings as BLOCKED items, then what a run of {@code spec} would create, change
   * or leave on each side that can be read (a side whose credentials or address fail is not read).
   *
   * @throws UnreadableException Twilio or PortSIP could not be read (their own words, and what to
   *     fix)
   */
  /** Whether Twilio and PortSIP accept the credentials now (the preflight's first two checks). */
  public List<Preflight.Finding> access() {
    return new Preflight(ports).access();
  }

  public Plan plan(TrunkSpec spec) throws PbxResolver.UnresolvableException {
    try {
      return planned(spec);
    } catch (dev.trunkbot.twilio.TwilioFailure e) {
      throw new UnreadableException("Twilio could not be read: " + e.getMessage());
    } catch (dev.trunkbot.portsip.PortSipException e) {
      throw new UnreadableException("PortSIP could not be read: " + e.getMessage());
    }
  }

  /** Twilio or PortSIP did not answer a read; the message says which and why. */
  public static final class UnreadableException extends RuntimeException {
    public UnreadableException(String message) {
      super(message);
    }
  }

  private Plan planned(TrunkSpec spec) throws PbxResolver.UnresolvableException {
    List<Preflight.Finding> findings = new Preflight(ports).check(spec);
    Set<Preflight.Topic> topics = new HashSet<>();
    findings.forEach(f -> topics.add(f.topic()));
    List<PlanItem> items = new ArrayList<>();
    boolean twilio =
        !topics.contains(Preflight.Topic.TWILIO_ACCESS)
            && !topics.contains(Preflight.Topic.PBX_ADDRESS);
    boolean portsip = !topics.contains(Preflight.Topic.PORTSIP_ACCESS);
    for (Preflight.Finding f : findings) {
      // the trunk item says the same of a trunk PortSIP cannot change
      if (!(portsip && f.topic() == Preflight.Topic.PORTSIP_TRUNK)) {
        items.add(new PlanItem(f.side(), f.field(), BLOCKED, f.problem()));
      }
    }
    if (twilio) {
      String ip = ports.resolver().ipv4(spec.pbx());
      twilioItems(spec, ip, ports.twilio().readTrunk(spec.terminationHost()), items, false);
    }
    if (portsip) {
      portsipItems(spec, items);
    }
    return new Plan(items);
  }

  /**
   * What both sides hold against the spec, without the preflight: verification's and repair's read.
   */
  Plan compare(TrunkSpec spec) throws PbxResolver.UnresolvableException {
    List<PlanItem> items = new ArrayList<>();
    String ip = ports.resolver().ipv4(spec.pbx());
    twilioItems(spec, ip, ports.twilio().readTrunk(spec.terminationHost()), items, true);
    portsipItems(spec, items);
    return new Plan(items);
  }

  private void twilioItems(
      TrunkSpec spec,
      String ip,
      Optional<TrunkSnapshot> snapshot,
      List<PlanItem> items,
      boolean blockUnowned) {
    if (snapshot.isEmpty()) {
      items.add(
          new PlanItem(
              TWILIO,
              "trunk",
              CREATE,
              spec.name() + " with termination URI " + spec.terminationHost()));
    } else if (!snapshot.get().friendlyName().equals(spec.name())) {
      items.add(
          new PlanItem(
              TWILIO,
              "trunk",
              UPDATE,
              "friendly name '" + snapshot.get().friendlyName() + "' -> '" + spec.name() + "'"));
    } else {
      items.add(
          new PlanItem(TWILIO, "trunk", NONE, snapshot.get().sid() + " " + spec.terminationHost()));
    }
    List<TrunkSnapshot.IpAccessControlList> acls =
        snapshot.map(TrunkSnapshot::ipAccessControlLists).orElse(List.of());
    String aclName = Names.ipAccessControlList(spec);
    Optional<TrunkSnapshot.IpAccessControlList> acl =
        acls.stream().filter(a -> a.friendlyName().equals(aclName)).findFirst();
    items.add(
        acl.isEmpty()
            ? new PlanItem(
                TWILIO, "IP access control list", CREATE, aclName + " with " + ip + ", attached")
            : acl.get().ipAddresses().contains(ip)
                ? new PlanItem(TWILIO, "IP access control list", NONE, aclName + " with " + ip)
                : new PlanItem(
                    TWILIO, "IP access control list", UPDATE, "add " + ip + " to " + aclName));
    acls.stream()
        .filter(a -> !a.friendlyName().equals(aclName))
        .forEach(
            a ->
                items.add(
                    new PlanItem(
                        TWILIO,
                        "IP access control list",
                        EXTRA,
                        a.friendlyName() + " " + a.ipAddresses())));
    String clName = Names.credentialList(spec);
    String user = spec.credentials().username();
    Optional<TrunkSnapshot.CredentialList> cl =
        snapshot.map(TrunkSnapshot::credentialLists).orElse(List.of()).stream()
            .filter(c -> c.friendlyName().equals(clName))
            .findFirst();
    items.add(
        cl.isEmpty()
            ? new PlanItem(
                TWILIO, "credential list", CREATE, clName + " with user " + user + ", attached")
            : cl.get().usernames().contains(user)
                ? new PlanItem(TWILIO, "credential list", NONE, clName + " with user " + user)
                : new PlanItem(
                    TWILIO, "credential list", UPDATE, "add user " + user + " to " + clName));
    originationItems(spec, snapshot.map(TrunkSnapshot::originationUrls).orElse(List.of()), items);
    didItems(spec, snapshot.map(TrunkSnapshot::numbers).orElse(List.of()), items, blockUnowned);
  }

  private static void originationItems(
      TrunkSpec spec, List<TrunkSnapshot.OriginationUrl> existing, List<PlanItem> items) {
    Set<String> wanted = new HashSet<>();
    for (OriginationTarget t : spec.origination()) {
      String url = t.sipUrl(spec.pbx());
      wanted.add(url);
      String want = url + " priority " + t.priority() + " weight " + t.weight();
      Optional<TrunkSnapshot.OriginationUrl> o =
          existing.stream().filter(e -> e.sipUrl().equals(url)).findFirst();
      if (o.isEmpty()) {
        items.add(new PlanItem(TWILIO, "origination URI", CREATE, want));
      } else if (o.get().priority() != t.priority()
          || o.get().weight() != t.weight()
          || !o.get().enabled()) {
        items.add(
            new PlanItem(
                TWILIO,
                "origination URI",
                UPDATE,
                url
                    + ": priority "
                    + o.get().priority()
                    + " weight "
                    + o.get().weight()
                    + (o.get().enabled() ? "" : " disabled")
                    + " -> "
                    + want));
      } else {
        items.add(new PlanItem(TWILIO, "origination URI", NONE, want));
      }
    }
    existing.stream()
        .filter(e -> !wanted.contains(e.sipUrl()))
        .forEach(
            e ->
                items.add(
                    new PlanItem(
                        TWILIO,
                        "origination URI",
                        EXTRA,
                        e.sipUrl() + " priority " + e.priority() + " weight " + e.weight())));
  }

  private void didItems(
      TrunkSpec spec,
      List<TrunkSnapshot.Number> assigned,
      List<PlanItem> items,
      boolean blockUnowned) {
    List<String> numbers = new ArrayList<>();
    spec.dids().e164().forEach(numbers::add);
    NumberLookup lookup = ports.twilio().lookupNumbers(numbers);
    if (blockUnowned && !lookup.allOwned()) {
      items.add(
          new PlanItem(
              TWILIO,
              "DIDs",
              BLOCKED,
              "the account does not own "
                  + lookup.notOwned().size()
                  + ": "
                  + String.join(
                      ", ", lookup.notOwned().subList(0, Math.min(20, lookup.notOwned().size())))));
    }
    Set<String> onTrunk = new HashSet<>();
    assigned.forEach(n -> onTrunk.add(n.e164()));
    long missing = lookup.owned().keySet().stream().filter(n -> !onTrunk.contains(n)).count();
    long present = lookup.owned().size() - missing;
    if (missing > 0) {
      items.add(
          new PlanItem(
              TWILIO, "DIDs", CREATE, "assign " + missing + " DIDs to the trunk (after approval)"));
    }
    if (present > 0) {
      items.add(new PlanItem(TWILIO, "DIDs", NONE, present + " DIDs assigned"));
    }
    long extra = onTrunk.stream().filter(n -> !spec.dids().contains(n)).count();
    if (extra > 0) {
      items.add(
          new PlanItem(TWILIO, "DIDs", EXTRA, extra + " other numbers assigned to the trunk"));
    }
  }

  private void portsipItems(TrunkSpec spec, List<PlanItem> items) {
    Optional<dev.trunkbot.portsip.TrunkSnapshot> snapshot = ports.portsip().readTrunk(spec.name());
    if (snapshot.isEmpty()) {
      items.add(
          new PlanItem(
              PORTSIP,
              "Register Based Trunk",
              CREATE,
              spec.name() + " -> " + spec.terminationHost()));
    } else {
      items.add(trunkItem(spec, snapshot.get()));
    }
    if (spec.scope() instanceof TrunkScope.SystemLevel system) {
      List<Assignee> assignees =
          snapshot.map(dev.trunkbot.portsip.TrunkSnapshot::assignees).orElse(List.of());
      for (Map.Entry<String, DidPool> tenant : system.tenants().entrySet()) {
        String want =
            tenant.getKey()
                + " with "
                + tenant.getValue()
                + ", "
                + spec.maxConcurrentCalls()
                + " calls";
        Optional<Assignee> a =
            assignees.stream().filter(x -> x.tenantName().equals(tenant.getKey())).findFirst();
        items.add(
            a.isEmpty()
                ? new PlanItem(PORTSIP, "tenant", CREATE, want)
                : samePool(a.get().didNumbers(), tenant.getValue())
                        && a.get().concurrency() == spec.maxConcurrentCalls()
                    ? new PlanItem(PORTSIP, "tenant", NONE, want)
                    : new PlanItem(
                        PORTSIP,
                        "tenant",
                        UPDATE,
                        tenant.getKey()
                            + " has "
                            + a.get().didNumbers()
                            + ", "
                            + a.get().concurrency()
                            + " calls -> "
                            + want));
      }
      assignees.stream()
          .filter(a -> !system.tenants().containsKey(a.tenantName()))
          .forEach(
              a ->
                  items.add(
                      new PlanItem(
                          PORTSIP, "tenant", EXTRA, a.tenantName() + " with " + a.didNumbers())));
    }
  }

  static PlanItem trunkItem(TrunkSpec spec, dev.trunkbot.portsip.TrunkSnapshot t) {
    if (!RegisterTrunk.BRAND.equalsIgnoreCase(t.brand())
        || !RegisterTrunk.AUTH_MODE.equals(t.authMode())) {
      return new PlanItem(
          PORTSIP,
          "Register Based Trunk",
          BLOCKED,
          "a trunk named "
              + t.name()
              + " exists with brand "
              + t.brand()
              + " and auth mode "
              + t.authMode()
              + ", which PortSIP cannot change: rename or delete it");
    }
    RegisterTrunk want = RegisterBasedTrunk.desired(spec, "unused");
    List<String> diffs = new ArrayList<>();
    differs(diffs, "hostname", t.hostname(), want.hostname());
    differs(diffs, "transport", t.transport().name(), want.transport().name());
    differs(diffs, "port", t.port(), want.port());
    differs(diffs, "auth id", t.authId(), want.username());
    differs(diffs, "username", t.username(), want.username());
    differs(diffs, "registration", t.registration(), false);
    differs(diffs, "max concurrent calls", t.concurrency(), want.concurrency());
    want.didNumbers()
        .ifPresent(
            pool -> {
              if (!samePool(t.didNumbers(), spec.dids())) {
                diffs.add("DID pool " + t.didNumbers() + " -> " + pool);
              }
            });
    return diffs.isEmpty()
        ? new PlanItem(PORTSIP, "Register Based Trunk", NONE, t.name() + " -> " + t.hostname())
        : new PlanItem(PORTSIP, "Register Based Trunk", UPDATE, String.join("; ", diffs));
  }

  private static void differs(List<String> diffs, String field, Object actual, Object wanted) {
    if (!String.valueOf(actual).equals(String.valueOf(wanted))) {
      diffs.add(field + " " + actual + " -> " + wanted);
    }
  }

  private static boolean samePool(String text, DidPool pool) {
    try {
      return DidPool.parse("did_numbers", text, Long.MAX_VALUE).equals(pool);
    } catch (dev.trunkbot.trunk.InvalidInputException e) {
      return false;
    }
  }
}
