package dev.trunkbot.sandbox;

import static dev.trunkbot.sandbox.TwilioState.bool;
import static dev.trunkbot.sandbox.TwilioState.found;
import static dev.trunkbot.sandbox.TwilioState.integer;
import static dev.trunkbot.sandbox.TwilioState.maxLength;
import static dev.trunkbot.sandbox.TwilioState.optional;
import static dev.trunkbot.sandbox.TwilioState.required;

import dev.trunkbot.sandbox.TwilioResources.OriginationUrl;
import dev.trunkbot.sandbox.TwilioResources.SipList;
import dev.trunkbot.sandbox.TwilioResources.Trunk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The Elastic SIP Trunking v1 endpoints (host trunking.twilio.com). */
final class TwilioTrunkingApi {
  static final String HOST = "trunking.twilio.com";
  private static final Pattern DOMAIN =
      Pattern.compile("[A-Za-z0-9-]+\\.pstn(\\.[a-z0-9-]+)?\\.twilio\\.com");
  private static final String TK = "/v1/Trunks/(?<trunk>[^/]+)";

  private final TwilioState s;

  TwilioTrunkingApi(TwilioState state) {
    this.s = state;
  }

  void register(TwilioEmulator.Routes r) {
    r.add("trunks.create", "POST", "/v1/Trunks", this::createTrunk);
    r.add(
        "trunks.list",
        "GET",
        "/v1/Trunks",
        c ->
            Reply.json(
                200,
                TwilioPages.v1(
                    "trunks",
                    "/v1/Trunks",
                    TwilioPages.Window.of(c),
                    s.trunks.values().stream().map(this::json).toList())));
    r.add("trunks.fetch", "GET", TK, c -> Reply.json(200, json(s.trunk(c))));
    r.add("trunks.update", "POST", TK, this::updateTrunk);
    r.add("trunks.delete", "DELETE", TK, this::deleteTrunk);

    r.add("originationUrls.create", "POST", TK + "/OriginationUrls", this::createOriginationUrl);
    r.add(
        "originationUrls.list",
        "GET",
        TK + "/OriginationUrls",
        c -> {
          Trunk t = s.trunk(c);
          List<Object> all =
              s.originationUrls.values().stream()
                  .filter(o -> o.trunkSid.equals(t.sid))
                  .map(o -> (Object) o.json())
                  .toList();
          return Reply.json(
              200,
              TwilioPages.v1(
                  "origination_urls",
                  "/v1/Trunks/" + t.sid + "/OriginationUrls",
                  TwilioPages.Window.of(c),
                  all));
        });
    r.add(
        "originationUrls.fetch",
        "GET",
        TK + "/OriginationUrls/(?<sid>[^/]+)",
        c -> Reply.json(200, origination(c).json()));
    r.add(
        "originationUrls.update",
        "POST",
        TK + "/OriginationUrls/(?<sid>[^/]+)",
        this::updateOriginationUrl);
    r.add(
        "originationUrls.delete",
        "DELETE",
        TK + "/OriginationUrls/(?<sid>[^/]+)",
        c -> {
          s.originationUrls.remove(origination(c).sid);
          return Reply.empty(204);
        });

    attachments(
        r,
        "trunkIpAccessControlLists",
        "IpAccessControlLists",
        "IpAccessControlListSid",
        "ip_access_control_lists",
        s.trunkAcls,
        s.acls);
    attachments(
        r,
        "trunkCredentialLists",
        "CredentialLists",
        "CredentialListSid",
        "credential_lists",
        s.trunkCredentialLists,
        s.credentialLists);
    new TwilioTrunkNumbers(s).register(r, TK);
  }

  Map<String, Object> json(Trunk t) {
    return t.json(
        !s.trunkCredentialLists.getOrDefault(t.sid, Map.of()).isEmpty(),
        !s.trunkAcls.getOrDefault(t.sid, Map.of()).isEmpty());
  }

  private Reply createTrunk(Call c) {
    Trunk t = new Trunk(s.sid("TK"), s.account, s.now());
    t.friendlyName = optional(c, "FriendlyName").orElse(null);
    if (t.friendlyName != null) {
      maxLength("FriendlyName", t.friendlyName, 64);
    }
    t.domainName = optional(c, "DomainName").map(d -> checkDomain(d, null)).orElse(null);
    applyOptional(c, t);
    s.trunks.put(t.sid, t);
    return Reply.json(201, json(t));
  }

  private Reply updateTrunk(Call c) {
    Trunk t = s.trunk(c);
    String name = optional(c, "FriendlyName").orElse(t.friendlyName);
    if (name != null) {
      maxLength("FriendlyName", name, 64);
    }
    String domain = optional(c, "DomainName").map(d -> checkDomain(d, t.sid)).orElse(t.domainName);
    t.friendlyName = name;
    t.domainName = domain;
    applyOptional(c, t);
    t.updated = s.now();
    return Reply.json(200, json(t));
  }

  private Reply deleteTrunk(Call c) {
    Trunk t = s.trunk(c);
    s.trunks.remove(t.sid);
    s.originationUrls.values().removeIf(o -> o.trunkSid.equals(t.sid));
    s.trunkAcls.remove(t.sid);
    s.trunkCredentialLists.remove(t.sid);
    s.numbers.values().stream()
        .filter(n -> t.sid.equals(n.trunkSid))
        .forEach(n -> n.trunkSid = null);
    return Reply.empty(204);
  }

  private String checkDomain(String domain, String ownSid) {
    if (!DOMAIN.matcher(domain).matches()) {
      throw new TwilioError(
          400,
          21247,
          "DomainName '"
              + domain
              + "' is invalid: use letters, digits and '-', "
              + "ending in .pstn.twilio.com");
    }
    boolean taken =
        s.trunks.values().stream()
            .anyMatch(o -> !o.sid.equals(ownSid) && domain.equalsIgnoreCase(o.domainName));
    if (taken) {
      throw new TwilioError(400, 21248, "DomainName " + domain + " is already in use");
    }
    return domain.toLowerCase(java.util.Locale.ROOT);
  }

  private static void applyOptional(Call c, Trunk t) {
    optional(c, "TransferMode")
        .ifPresent(
            v ->
                t.transferMode = oneOf("TransferMode", v, "disable-all", "enable-all", "sip-only"));
    optional(c, "TransferCallerId")
        .ifPresent(
            v ->
                t.transferCallerId =
                    oneOf("TransferCallerId", v, "from-transferee", "from-transferor"));
    optional(c, "Secure").ifPresent(v -> t.secure = bool("Secure", v));
    optional(c, "CnamLookupEnabled")
        .ifPresent(v -> t.cnamLookupEnabled = bool("CnamLookupEnabled", v));
    optional(c, "DisasterRecoveryUrl").ifPresent(v -> t.disasterRecoveryUrl = v);
    optional(c, "DisasterRecoveryMethod")
        .ifPresent(
            v -> t.disasterRecoveryMethod = oneOf("DisasterRecoveryMethod", v, "GET", "POST"));
  }

  private static String oneOf(String name, String value, String... allowed) {
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw TwilioError.invalid(
        name, "must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
  }

  private OriginationUrl origination(Call c) {
    Trunk t = s.trunk(c);
    OriginationUrl o = found(s.originationUrls.get(c.pathParam("sid")), c);
    return found(o.trunkSid.equals(t.sid) ? o : null, c);
  }

  private Reply createOriginationUrl(Call c) {
    Trunk t = s.trunk(c);
    // all five are required on create
    String weight = required(c, "Weight");
    String priority = required(c, "Priority");
    String enabled = required(c, "Enabled");
    String name = required(c, "FriendlyName");
    String sipUrl = required(c, "SipUrl");
    OriginationUrl o = new OriginationUrl(s.sid("OU"), s.account, t.sid, s.now());
    applyOrigination(c, o, weight, priority, enabled, name, sipUrl);
    s.originationUrls.put(o.sid, o);
    return Reply.json(201, o.json());
  }

  private Reply updateOriginationUrl(Call c) {
    OriginationUrl o = origination(c);
    applyOrigination(
        c,
        o,
        optional(c, "Weight").orElse(null),
        optional(c, "Priority").orElse(null),
        optional(c, "Enabled").orElse(null),
        optional(c, "FriendlyName").orElse(null),
        optional(c, "SipUrl").orElse(null));
    o.updated = s.now();
    return Reply.json(200, o.json());
  }

  private static void applyOrigination(
      Call c,
      OriginationUrl o,
      String weight,
      String priority,
      String enabled,
      String name,
      String sipUrl) {
    int w = weight == null ? o.weight : integer(c, "Weight", weight, 1, 65535);
    int p = priority == null ? o.priority : integer(c, "Priority", priority, 0, 65535);
    boolean e = enabled == null ? o.enabled : bool("Enabled", enabled);
    if (name != null) {
      maxLength("FriendlyName", name, 255);
    }
    if (sipUrl != null && !sipUrl.startsWith("sip:")) {
      throw TwilioError.invalid("SipUrl", "must be a sip: URI, got '" + sipUrl + "'");
    }
    o.weight = w;
    o.priority = p;
    o.enabled = e;
    o.friendlyName = name == null ? o.friendlyName : name;
    o.sipUrl = sipUrl == null ? o.sipUrl : sipUrl;
  }

  /** Attach (POST), list, fetch and detach (DELETE) of an account-level SIP list on a trunk. */
  private void attachments(
      TwilioEmulator.Routes r,
      String endpoint,
      String kind,
      String param,
      String key,
      Map<String, Map<String, Instant>> attached,
      Map<String, SipList> lists) {
    String base = TK + "/" + kind;
    r.add(
        endpoint + ".create",
        "POST",
        base,
        c -> {
          Trunk t = s.trunk(c);
          String sid = required(c, param);
          SipList list = lists.get(sid);
          if (list == null) {
            throw TwilioError.invalid(
                param, sid + " is not a " + kind + " resource of this account");
          }
          Map<String, Instant> mine = attached.computeIfAbsent(t.sid, k -> new LinkedHashMap<>());
          if (mine.containsKey(sid)) {
            throw TwilioError.invalid(param, sid + " is already associated with trunk " + t.sid);
          }
          mine.put(sid, s.now());
          return Reply.json(201, list.attachedJson(t.sid, mine.get(sid)));
        });
    r.add(
        endpoint + ".list",
        "GET",
        base,
        c -> {
          Trunk t = s.trunk(c);
          List<Object> all = new ArrayList<>();
          attached
              .getOrDefault(t.sid, Map.of())
              .forEach((sid, at) -> all.add(lists.get(sid).attachedJson(t.sid, at)));
          return Reply.json(
              200,
              TwilioPages.v1(
                  key, "/v1/Trunks/" + t.sid + "/" + kind, TwilioPages.Window.of(c), all));
        });
    r.add(
        endpoint + ".fetch",
        "GET",
        base + "/(?<sid>[^/]+)",
        c -> {
          Trunk t = s.trunk(c);
          Instant at = found(attached.getOrDefault(t.sid, Map.of()).get(c.pathParam("sid")), c);
          return Reply.json(200, lists.get(c.pathParam("sid")).attachedJson(t.sid, at));
        });
    r.add(
        endpoint + ".delete",
        "DELETE",
        base + "/(?<sid>[^/]+)",
        c -> {
          Trunk t = s.trunk(c);
          found(attached.getOrDefault(t.sid, new LinkedHashMap<>()).remove(c.pathParam("sid")), c);
          return Reply.empty(204);
        });
  }
}
