package dev.trunkbot.sandbox;

import static dev.trunkbot.sandbox.TwilioPages.TRUNKING;
import static dev.trunkbot.sandbox.TwilioPages.iso;
import static dev.trunkbot.sandbox.TwilioPages.rfc2822;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulator's resources (mutable, guarded by the emulator's lock) and their JSON, shaped as the
 * spec's schemas.
 */
final class TwilioResources {
  private TwilioResources() {}

  abstract static class Resource {
    final String sid;
    final Instant created;
    Instant updated;

    Resource(String sid, Instant now) {
      this.sid = sid;
      this.created = now;
      this.updated = now;
    }
  }

  static final class Trunk extends Resource {
    final String account;
    String friendlyName;
    String domainName;
    String transferMode = "disable-all";
    String transferCallerId = "from-transferee";
    boolean secure;
    boolean cnamLookupEnabled;
    String disasterRecoveryUrl;
    String disasterRecoveryMethod = "POST";

    Trunk(String sid, String account, Instant now) {
      super(sid, now);
      this.account = account;
    }

    String url() {
      return TRUNKING + "/v1/Trunks/" + sid;
    }

    Map<String, Object> json(boolean hasCredentialLists, boolean hasAcls) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sid", sid);
      m.put("account_sid", account);
      m.put("domain_name", domainName);
      m.put("disaster_recovery_method", disasterRecoveryMethod);
      m.put("disaster_recovery_url", disasterRecoveryUrl);
      m.put("friendly_name", friendlyName);
      m.put("secure", secure);
      m.put("cnam_lookup_enabled", cnamLookupEnabled);
      m.put("symmetric_rtp_enabled", false);
      m.put("recording", Map.of("mode", "do-not-record", "trim", "do-not-trim"));
      m.put("transfer_mode", transferMode);
      m.put("transfer_caller_id", transferCallerId);
      String authType =
          hasCredentialLists && hasAcls
              ? "CREDENTIAL_LIST,IP_ACL"
              : hasCredentialLists ? "CREDENTIAL_LIST" : hasAcls ? "IP_ACL" : "";
      m.put("auth_type", authType);
      m.put("auth_type_set", authType.isEmpty() ? new String[0] : authType.split(","));
      m.put("date_created", iso(created));
      m.put("date_updated", iso(updated));
      m.put("url", url());
      Map<String, String> links = new LinkedHashMap<>();
      links.put("origination_urls", url() + "/OriginationUrls");
      links.put("credential_lists", url() + "/CredentialLists");
      links.put("ip_access_control_lists", url() + "/IpAccessControlLists");
      links.put("phone_numbers", url() + "/PhoneNumbers");
      links.put("recording", url() + "/Recording");
      m.put("links", links);
      return m;
    }
  }

  static final class OriginationUrl extends Resource {
    final String account;
    final String trunkSid;
    int weight;
    int priority;
    boolean enabled;
    String friendlyName;
    String sipUrl;

    OriginationUrl(String sid, String account, String trunkSid, Instant now) {
      super(sid, now);
      this.account = account;
      this.trunkSid = trunkSid;
    }

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("account_sid", account);
      m.put("sid", sid);
      m.put("trunk_sid", trunkSid);
      m.put("weight", weight);
      m.put("enabled", enabled);
      m.put("sip_url", sipUrl);
      m.put("friendly_name", friendlyName);
      m.put("priority", priority);
      m.put("date_created", iso(created));
      m.put("date_updated", iso(updated));
      m.put("url", TRUNKING + "/v1/Trunks/" + trunkSid + "/OriginationUrls/" + sid);
      return m;
    }
  }

  /**
   * An IP access control list or a credential list of the 2010 API (same shape, different
   * sub-resource).
   */
  static final class SipList extends Resource {
    final String account;
    final String kind; // "IpAccessControlLists" or "CredentialLists"
    String friendlyName;

    SipList(String sid, String account, String kind, Instant now) {
      super(sid, now);
      this.account = account;
      this.kind = kind;
    }

    String uri() {
      return "/2010-04-01/Accounts/" + account + "/SIP/" + kind + "/" + sid;
    }

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("account_sid", account);
      m.put("date_created", rfc2822(created));
      m.put("date_updated", rfc2822(updated));
      m.put("friendly_name", friendlyName);
      m.put("sid", sid);
      m.put(
          "subresource_uris",
          Map.of(
              kind.equals("IpAccessControlLists") ? "ip_addresses" : "credentials",
              uri()
                  + (kind.equals("IpAccessControlLists")
                      ? "/IpAddresses.json"
                      : "/Credentials.json")));
      m.put("uri", uri() + ".json");
      return m;
    }

    /** The list as the trunking API shows it when attached to a trunk. */
    Map<String, Object> attachedJson(String trunkSid, Instant attached) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("account_sid", account);
      m.put("sid", sid);
      m.put("trunk_sid", trunkSid);
      m.put("friendly_name", friendlyName);
      m.put("date_created", iso(attached));
      m.put("date_updated", iso(attached));
      m.put("url", TRUNKING + "/v1/Trunks/" + trunkSid + "/" + kind + "/" + sid);
      return m;
    }
  }

  static final class IpAddress extends Resource {
    final SipList list;
    String friendlyName;
    String ipAddress;
    int cidrPrefixLength = 32;

    IpAddress(String sid, SipList list, Instant now) {
      super(sid, now);
      this.list = list;
    }

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("account_sid", list.account);
      m.put("date_created", rfc2822(created));
      m.put("date_updated", rfc2822(updated));
      m.put("friendly_name", friendlyName);
      m.put("ip_access_control_list_sid", list.sid);
      m.put("ip_address", ipAddress);
      m.put("cidr_prefix_length", cidrPrefixLength);
      m.put("sid", sid);
      m.put("uri", list.uri() + "/IpAddresses/" + sid + ".json");
      return m;
    }
  }

  /** A SIP credential; the password is kept for the emulator's own checks and never rendered. */
  static final class Credential extends Resource {
    final SipList list;
    final String username;
    String password;

    Credential(String sid, SipList list, String username, Instant now) {
      super(sid, now);
      this.list = list;
      this.username = username;
    }

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("account_sid", list.account);
      m.put("credential_list_sid", list.sid);
      m.put("date_created", rfc2822(created));
      m.put("date_updated", rfc2822(updated));
      m.put("sid", sid);
      m.put("uri", list.uri() + "/Credentials/" + sid + ".json");
      m.put("username", username);
      return m;
    }
  }
}
