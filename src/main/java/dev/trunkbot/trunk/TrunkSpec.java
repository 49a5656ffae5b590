package dev.trunkbot.trunk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@code /trunk create} collects: one Twilio Elastic SIP trunk and its PortSIP Register
 * Based Trunk.
 */
public record TrunkSpec(
    String name,
    TerminationDomain termination,
    PbxAddress pbx,
    List<OriginationTarget> origination,
    DidPool dids,
    TrunkScope scope,
    int maxConcurrentCalls,
    CredentialsSpec credentials) {
  public static final int MAX_NAME = 64;
  public static final int MAX_CONCURRENT_CALLS = 100_000;
  private static final int MAX_LISTED = 120;

  public TrunkSpec {
    origination = List.copyOf(origination);
  }

  /** Checks a draft and reports every problem in it at once, each under the field it is in. */
  public static TrunkSpec from(TrunkDraft d) {
    Problems problems = new Problems();
    Optional<String> name = problems.parse(d.name(), TrunkSpec::checkName);
    Optional<TerminationDomain> termination =
        problems.parse(d.termination(), s -> TerminationDomain.parse("termination", s));
    Optional<PbxAddress> pbx = problems.parse(d.pbx(), s -> PbxAddress.parse("pbx", s));
    List<OriginationTarget> origination = origination(d.origination(), problems);
    Optional<DidPool> dids = problems.parse(d.dids(), s -> DidPool.parse("dids", s));
    Optional<Integer> maxCalls =
        problems.parse(
            d.maxConcurrentCalls(),
            s ->
                Numbers.parseInt(
                    "maxConcurrentCalls",
                    s,
                    1,
                    MAX_CONCURRENT_CALLS,
                    "PortSIP's Max Concurrent Calls"));
    Optional<TrunkScope> scope = scope(d, dids, problems);
    String defaultUser =
        termination
            .map(
                t ->
                    t.label()
                        .substring(0, Math.min(t.label().length(), SipCredentials.MAX_USERNAME)))
            .orElse("");
    String user = d.username().isBlank() ? defaultUser : d.username();
    Optional<String> username =
        d.username().isBlank() && user.isEmpty()
            ? Optional.empty()
            : problems.parse(user, u -> SipCredentials.checkUsername("credentials.username", u));
    Optional<String> password =
        d.password().isEmpty() ? Optional.empty() : Optional.of(d.password());
    password
        .map(SipCredentials::passwordProblem)
        .ifPresent(why -> problems.add("credentials.password", why));
    problems.throwIfAny();
    return new TrunkSpec(
        name.orElseThrow(),
        termination.orElseThrow(),
        pbx.orElseThrow(),
        origination,
        dids.orElseThrow(),
        scope.orElseThrow(),
        maxCalls.orElseThrow(),
        new CredentialsSpec(username.orElseThrow(), password));
  }

  private static String checkName(String text) {
    String s = text == null ? "" : text.trim();
    if (s.isEmpty()) {
      throw new InvalidInputException(
          "name", "is missing: give the trunk's friendly name, e.g. Twilio-Reg-Trunk");
    }
    if (s.length() > MAX_NAME) {
      throw new InvalidInputException(
          "name",
          "has " + s.length() + " characters; Twilio and PortSIP allow at most " + MAX_NAME);
    }
    Text.requireVisible("name", s);
    return s;
  }

  private static List<OriginationTarget> origination(
      List<TrunkDraft.Origination> drafts, Problems problems) {
    if (drafts.isEmpty()) {
      return OriginationTarget.guideDefaults();
    }
    List<OriginationTarget> out = new ArrayList<>();
    Set<Region> seen = new HashSet<>();
    for (int i = 0; i < drafts.size(); i++) {
      TrunkDraft.Origination o = drafts.get(i);
      String field = "origination[" + i + "]";
      problems
          .parse(field, f -> OriginationTarget.parse(f, o.region(), o.priority(), o.weight()))
          .ifPresent(
              t -> {
                if (!seen.add(t.region())) {
                  problems.add(
                      field + ".region",
                      t.region().code() + " is listed twice: give each region once");
                }
                out.add(t);
              });
    }
    return out;
  }

  private static Optional<TrunkScope> scope(
      TrunkDraft d, Optional<DidPool> dids, Problems problems) {
    String level = d.level().trim().toLowerCase(java.util.Locale.ROOT);
    if (level.isEmpty()) {
      level = !d.tenant().isBlank() && d.tenants().isEmpty() ? "tenant" : "system";
    }
    switch (level) {
      case "tenant" -> {
        if (!d.tenants().isEmpty()) {
          problems.add(
              "tenants",
              "is for system level only: at tenant level give 'tenant: NAME', which owns all the dids");
        }
        return problems
            .parse(d.tenant(), t -> TrunkScope.checkTenantName("tenant", t))
            .map(TrunkScope.TenantLevel::new);
      }
      case "system" -> {
        if (!d.tenant().isBlank()) {
          problems.add(
              "tenant",
              "is for tenant level only: at system level give 'tenants' (tenant name: its DID pool)");
        }
        return systemLevel(d.tenants(), dids, problems);
      }
      default -> {
        problems.add(
            "level",
            "'"
                + d.level().trim()
                + "' is not a level: use system (shared to tenants)"
                + " or tenant (private to one tenant)");
        return Optional.empty();
      }
    }
  }

  private static Optional<TrunkScope> systemLevel(
      List<TrunkDraft.Tenant> raw, Optional<DidPool> dids, Problems problems) {
    if (raw.isEmpty()) {
      problems.add(
          "tenants",
          "is missing: at system level name each tenant with its DID pool, e.g. acme: \"12027594810-12027594815\"");
      return Optional.empty();
    }
    Map<String, DidPool> pools = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    Set<String> reported = new HashSet<>();
    boolean complete = true;
    List<TrunkDraft.Tenant> sorted = new ArrayList<>(raw);
    sorted.sort(java.util.Comparator.comparing(t -> t.name().trim()));
    for (TrunkDraft.Tenant tenant : sorted) {
      String field = "tenants." + Text.shown(tenant.name().trim());
      Optional<String> name =
          problems.parse(tenant.name(), t -> TrunkScope.checkTenantName(field, t));
      Optional<DidPool> parsed = problems.parse(tenant.pool(), p -> DidPool.parse(field, p));
      complete &= name.isPresent() && parsed.isPresent();
      if (name.isPresent() && !seen.add(name.get().toLowerCase(java.util.Locale.ROOT))) {
        complete = false;
        if (reported.add(name.get().toLowerCase(java.util.Locale.ROOT))) {
          problems.add(
              "tenants." + name.get(),
              "listed twice: give each tenant once, with all its DIDs in one pool");
        }
      } else if (name.isPresent() && parsed.isPresent()) {
        pools.put(name.get(), parsed.get());
      }
    }
    List<String> names = new ArrayList<>(pools.keySet());
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        DidPool shared = pools.get(names.get(i)).intersect(pools.get(names.get(j)));
        if (!shared.isEmpty()) {
          problems.add(
              "tenants." + names.get(j),
              "overlaps tenants."
                  + names.get(i)
                  + " on "
                  + listed(shared)
                  + ": a DID belongs to one tenant only");
        }
      }
      DidPool outside =
          dids.isPresent() ? pools.get(names.get(i)).minus(dids.get()) : DidPool.EMPTY;
      if (!outside.isEmpty()) {
        problems.add(
            "tenants." + names.get(i),
            listed(outside)
                + (outside.size() == 1 ? " is" : " are")
                + " not among the trunk's dids: a tenant's pool must be part of dids");
      }
    }
    return complete ? Optional.of(new TrunkScope.SystemLevel(pools)) : Optional.empty();
  }

  private static String listed(DidPool pool) {
    String text = pool.toString();
    int cut = text.lastIndexOf(';', MAX_LISTED);
    return text.length() <= MAX_LISTED || cut < 0
        ? text
        : text.substring(0, cut) + ";... (" + pool.size() + " numbers)";
  }

  /** The Twilio termination URI host, {@code <label>.pstn.twilio.com}. */
  public String terminationHost() {
    return termination.host();
  }
}
