package dev.trunkbot.sandbox;

import static dev.trunkbot.sandbox.TwilioState.found;
import static dev.trunkbot.sandbox.TwilioState.integer;
import static dev.trunkbot.sandbox.TwilioState.maxLength;
import static dev.trunkbot.sandbox.TwilioState.optional;
import static dev.trunkbot.sandbox.TwilioState.required;

import dev.trunkbot.sandbox.TwilioResources.IpAddress;
import dev.trunkbot.sandbox.TwilioResources.SipList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The 2010 API endpoints the guide needs (host api.twilio.com): SIP lists, their entries, purchased
 * numbers.
 */
final class TwilioSipApi {
  static final String HOST = "api.twilio.com";
  static final String ACCOUNT = "/2010-04-01/Accounts/(?<account>[^/]+)";
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final int MAX_ACLS = 1000;
  private static final int MAX_IPS_PER_ACL = 100;

  private final TwilioState s;

  TwilioSipApi(TwilioState state) {
    this.s = state;
  }

  void register(TwilioEmulator.Routes r) {
    lists(
        r,
        "ipAccessControlLists",
        "IpAccessControlLists",
        "ip_access_control_lists",
        "AL",
        s.acls,
        255);
    lists(r, "credentialLists", "CredentialLists", "credential_lists", "CL", s.credentialLists, 64);
    ipAddresses(r);
    new TwilioCredentials(s).register(r);
    r.add("accounts.fetch", "GET", ACCOUNT + "\\.json", c -> Reply.json(200, accountJson()));
    String pn = ACCOUNT + "/IncomingPhoneNumbers";
    r.add(
        "incomingPhoneNumbers.list",
        "GET",
        pn + "\\.json",
        c -> {
          String digits =
              c.queryParam("PhoneNumber").map(v -> v.replaceAll("[^0-9]", "")).orElse("");
          String name = c.queryParam("FriendlyName").orElse(null);
          List<Object> all =
              s.numbers.values().stream()
                  .filter(n -> n.e164.replaceAll("[^0-9]", "").contains(digits))
                  .filter(n -> name == null || name.equals(n.friendlyName()))
                  .map(n -> (Object) n.incomingJson())
                  .toList();
          Map<String, String> filters = new LinkedHashMap<>();
          c.queryParam("PhoneNumber").ifPresent(v -> filters.put("PhoneNumber", v));
          c.queryParam("FriendlyName").ifPresent(v -> filters.put("FriendlyName", v));
          return Reply.json(
              200,
              TwilioPages.v2010(
                  "incoming_phone_numbers",
                  path(c, "/IncomingPhoneNumbers.json"),
                  filters,
                  TwilioPages.Window.of(c),
                  all));
        });
    r.add(
        "incomingPhoneNumbers.fetch",
        "GET",
        pn + "/(?<sid>[^/]+)\\.json",
        c -> Reply.json(200, found(s.numbers.get(c.pathParam("sid")), c).incomingJson()));
  }

  /** The account as GET /2010-04-01/Accounts/{AC}.json shows it (never its auth token). */
  private Map<String, Object> accountJson() {
    String uri = "/2010-04-01/Accounts/" + s.account;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("auth_token", null);
    m.put("date_created", TwilioPages.rfc2822(s.created));
    m.put("date_updated", TwilioPages.rfc2822(s.created));
    m.put("friendly_name", "trunkbot sandbox");
    m.put("owner_account_sid", s.account);
    m.put("sid", s.account);
    m.put("status", "active");
    Map<String, String> subresources = new LinkedHashMap<>();
    subresources.put("incoming_phone_numbers", uri + "/IncomingPhoneNumbers.json");
    subresources.put("sip", uri + "/SIP.json");
    m.put("subresource_uris", subresources);
    m.put("type", "Full");
    m.put("uri", uri + ".json");
    return m;
  }

  static String path(Call c, String tail) {
    return "/2010-04-01/Accounts/" + c.pathParam("account") + tail;
  }

  /**
   * Create, list, fetch, update (FriendlyName) and delete of IP access control lists or credential
   * lists.
   */
  private void lists(
      TwilioEmulator.Routes r,
      String endpoint,
      String kind,
      String key,
      String prefix,
      Map<String, SipList> lists,
      int maxName) {
    String base = ACCOUNT + "/SIP/" + kind;
    r.add(
        endpoint + ".create",
        "POST",
        base + "\\.json",
        c -> {
          String name = required(c, "FriendlyName");
          maxLength("FriendlyName", name, maxName);
          if (prefix.equals("AL") && lists.size() >= MAX_ACLS) {
            throw TwilioError.invalid(
                "FriendlyName", "the account already has " + MAX_ACLS + " IP access control lists");
          }
          uniqueName(prefix, lists, name, null);
          SipList l = new SipList(s.sid(prefix), s.account, kind, s.now());
          l.friendlyName = name;
          lists.put(l.sid, l);
          return Reply.json(201, l.json());
        });
    r.add(
        endpoint + ".list",
        "GET",
        base + "\\.json",
        c ->
            Reply.json(
                200,
                TwilioPages.v2010(
                    key,
                    path(c, "/SIP/" + kind + ".json"),
                    Map.of(),
                    TwilioPages.Window.of(c),
                    lists.values().stream().map(l -> (Object) l.json()).toList())));
    r.add(
        endpoint + ".fetch",
        "GET",
        base + "/(?<sid>[^/]+)\\.json",
        c -> Reply.json(200, found(lists.get(c.pathParam("sid")), c).json()));
    r.add(
        endpoint + ".update",
        "POST",
        base + "/(?<sid>[^/]+)\\.json",
        c -> {
          SipList l = found(lists.get(c.pathParam("sid")), c);
          String name = required(c, "FriendlyName");
          maxLength("FriendlyName", name, maxName);
          uniqueName(prefix, lists, name, l.sid);
          l.friendlyName = name;
          l.updated = s.now();
          return Reply.json(200, l.json());
        });
    r.add(
        endpoint + ".delete",
        "DELETE",
        base + "/(?<sid>[^/]+)\\.json",
        c -> {
          SipList l = found(lists.remove(c.pathParam("sid")), c);
          (prefix.equals("AL") ? s.trunkAcls : s.trunkCredentialLists)
              .values()
              .forEach(m -> m.remove(l.sid));
          s.ipAddresses.values().removeIf(ip -> ip.list == l);
          s.credentials.values().removeIf(cr -> cr.list == l);
          return Reply.empty(204);
        });
  }

  /** Credential list names are unique in an account (21240); IP ACL names are not checked. */
  private static void uniqueName(
      String prefix, Map<String, SipList> lists, String name, String ownSid) {
    if (prefix.equals("CL")
        && lists.values().stream()
            .anyMatch(l -> !l.sid.equals(ownSid) && l.friendlyName.equals(name))) {
      throw new TwilioError(400, 21240, "A credential list named '" + name + "' already exists");
    }
  }

  private void ipAddresses(TwilioEmulator.Routes r) {
    String base = ACCOUNT + "/SIP/IpAccessControlLists/(?<list>[^/]+)/IpAddresses";
    r.add(
        "ipAddresses.create",
        "POST",
        base + "\\.json",
        c -> {
          SipList l = found(s.acls.get(c.pathParam("list")), c);
          String name = required(c, "FriendlyName");
          String ip = required(c, "IpAddress");
          maxLength("FriendlyName", name, 255);
          IpAddress a = new IpAddress(s.sid("IP"), l, s.now());
          a.friendlyName = name;
          a.ipAddress = checkIp(ip, l, null);
          optional(c, "CidrPrefixLength")
              .ifPresent(v -> a.cidrPrefixLength = integer(c, "CidrPrefixLength", v, 8, 32));
          if (s.ipAddresses.values().stream().filter(x -> x.list == l).count() >= MAX_IPS_PER_ACL) {
            throw TwilioError.invalid(
                "IpAddress", "the list already holds " + MAX_IPS_PER_ACL + " addresses");
          }
          s.ipAddresses.put(a.sid, a);
          return Reply.json(201, a.json());
        });
    r.add(
        "ipAddresses.list",
        "GET",
        base + "\\.json",
        c -> {
          SipList l = found(s.acls.get(c.pathParam("list")), c);
          return Reply.json(
              200,
              TwilioPages.v2010(
                  "ip_addresses",
                  l.uri() + "/IpAddresses.json",
                  Map.of(),
                  TwilioPages.Window.of(c),
                  s.ipAddresses.values().stream()
                      .filter(a -> a.list == l)
                      .map(a -> (Object) a.json())
                      .toList()));
        });
    r.add(
        "ipAddresses.fetch",
        "GET",
        base + "/(?<sid>[^/]+)\\.json",
        c -> Reply.json(200, ip(c).json()));
    r.add(
        "ipAddresses.update",
        "POST",
        base + "/(?<sid>[^/]+)\\.json",
        c -> {
          IpAddress a = ip(c);
          String ip =
              optional(c, "IpAddress").map(v -> checkIp(v, a.list, a.sid)).orElse(a.ipAddress);
          optional(c, "FriendlyName").ifPresent(v -> maxLength("FriendlyName", v, 255));
          a.friendlyName = optional(c, "FriendlyName").orElse(a.friendlyName);
          a.ipAddress = ip;
          optional(c, "CidrPrefixLength")
              .ifPresent(v -> a.cidrPrefixLength = integer(c, "CidrPrefixLength", v, 8, 32));
          a.updated = s.now();
          return Reply.json(200, a.json());
        });
    r.add(
        "ipAddresses.delete",
        "DELETE",
        base + "/(?<sid>[^/]+)\\.json",
        c -> {
          s.ipAddresses.remove(ip(c).sid);
          return Reply.empty(204);
        });
  }

  private IpAddress ip(Call c) {
    SipList l = found(s.acls.get(c.pathParam("list")), c);
    IpAddress a = found(s.ipAddresses.get(c.pathParam("sid")), c);
    return found(a.list == l ? a : null, c);
  }

  private String checkIp(String ip, SipList list, String ownSid) {
    if (!IPV4.matcher(ip).matches()) {
      throw TwilioError.invalid(
          "IpAddress", "must be an IPv4 address like 203.0.113.10, got '" + ip + "'");
    }
    if (s.ipAddresses.values().stream()
        .anyMatch(a -> a.list == list && !a.sid.equals(ownSid) && a.ipAddress.equals(ip))) {
      throw TwilioError.invalid("IpAddress", ip + " is already in list " + list.sid);
    }
    return ip;
  }
}
