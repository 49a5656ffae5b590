package dev.trunkbot.sandbox;

import static dev.trunkbot.sandbox.TwilioPages.TRUNKING;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A purchased number of the account (an IncomingPhoneNumber), possibly assigned to a trunk. Guarded
 * by the emulator's lock.
 */
final class TwilioPhoneNumber {
  final String sid;
  final String account;
  final String e164;
  final Instant created;
  Instant updated;
  String trunkSid;
  Instant assigned;

  TwilioPhoneNumber(String sid, String account, String e164, Instant now) {
    this.sid = sid;
    this.account = account;
    this.e164 = e164;
    this.created = now;
    this.updated = now;
  }

  /** {@code +12027594810} -> {@code (202) 759-4810}, as Twilio names North American numbers. */
  String friendlyName() {
    if (e164.length() == 12 && e164.startsWith("+1")) {
      return "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8);
    }
    return e164;
  }

  private Map<String, Object> common(boolean v1) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", account);
    m.put("address_requirements", "none");
    m.put("api_version", "2010-04-01");
    m.put("beta", false);
    m.put("capabilities", Map.of("voice", true, "sms", true, "mms", true, "fax", false));
    m.put("date_created", v1 ? TwilioPages.iso(created) : TwilioPages.rfc2822(created));
    m.put("date_updated", v1 ? TwilioPages.iso(updated) : TwilioPages.rfc2822(updated));
    m.put("friendly_name", friendlyName());
    m.put("phone_number", e164);
    m.put("sid", sid);
    m.put("sms_application_sid", null);
    m.put("sms_fallback_method", "POST");
    m.put("sms_fallback_url", "");
    m.put("sms_method", "POST");
    m.put("sms_url", "");
    m.put("status_callback", "");
    m.put("status_callback_method", "POST");
    m.put("trunk_sid", trunkSid);
    m.put("voice_application_sid", null);
    m.put("voice_caller_id_lookup", false);
    m.put("voice_fallback_method", "POST");
    m.put("voice_fallback_url", null);
    m.put("voice_method", "POST");
    m.put("voice_url", null);
    return m;
  }

  /** As GET /2010-04-01/Accounts/{AC}/IncomingPhoneNumbers/{PN}.json shows it. */
  Map<String, Object> incomingJson() {
    Map<String, Object> m = common(false);
    m.put("address_sid", null);
    m.put("identity_sid", null);
    m.put("voice_receive_mode", "voice");
    m.put("emergency_status", "Inactive");
    m.put("emergency_address_sid", null);
    m.put("emergency_address_status", "unregistered");
    m.put("bundle_sid", null);
    m.put("origin", "twilio");
    m.put("status", "in-use");
    m.put("type", "local");
    m.put("uri", "/2010-04-01/Accounts/" + account + "/IncomingPhoneNumbers/" + sid + ".json");
    return m;
  }

  /** As GET /v1/Trunks/{TK}/PhoneNumbers/{PN} shows it. */
  Map<String, Object> trunkJson() {
    Map<String, Object> m = common(true);
    String url = TRUNKING + "/v1/Trunks/" + trunkSid + "/PhoneNumbers/" + sid;
    m.put("url", url);
    m.put("links", Map.of("phone_number", url));
    return m;
  }
}
