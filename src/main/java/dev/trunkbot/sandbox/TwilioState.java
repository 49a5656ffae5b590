package dev.trunkbot.sandbox;

import dev.trunkbot.sandbox.TwilioResources.Credential;
import dev.trunkbot.sandbox.TwilioResources.IpAddress;
import dev.trunkbot.sandbox.TwilioResources.OriginationUrl;
import dev.trunkbot.sandbox.TwilioResources.SipList;
import dev.trunkbot.sandbox.TwilioResources.Trunk;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the Twilio emulator holds, in insertion order (Twilio lists oldest first). Not
 * thread-safe by itself: every handler runs under {@link #lock}.
 */
final class TwilioState {
  final Object lock = new Object();
  final String account;
  final Map<String, Trunk> trunks = new LinkedHashMap<>();
  final Map<String, OriginationUrl> originationUrls = new LinkedHashMap<>();
  final Map<String, SipList> acls = new LinkedHashMap<>();
  final Map<String, IpAddress> ipAddresses = new LinkedHashMap<>();
  final Map<String, SipList> credentialLists = new LinkedHashMap<>();
  final Map<String, Credential> credentials = new LinkedHashMap<>();
  final Map<String, TwilioPhoneNumber> numbers = new LinkedHashMap<>();

  /** trunk SID -> (list SID -> when attached), for ACLs and credential lists. */
  final Map<String, Map<String, Instant>> trunkAcls = new LinkedHashMap<>();

  final Map<String, Map<String, Instant>> trunkCredentialLists = new LinkedHashMap<>();
  final Instant created;
  private final SecureRandom random = new SecureRandom();

  TwilioState(String account) {
    this.account = account;
    this.created = now();
  }

  /** A fresh SID: the two-letter prefix and 32 lowercase hex digits. */
  String sid(String prefix) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return prefix + HexFormat.of().formatHex(b);
  }

  Instant now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  Trunk trunk(Call call) {
    return found(trunks.get(call.pathParam("trunk")), call);
  }

  static <T> T found(T value, Call call) {
    if (value == null) {
      throw TwilioError.notFound(call.path());
    }
    return value;
  }

  static String required(Call call, String name) {
    String v = call.formParam(name).orElse(null);
    if (v == null || v.isEmpty()) {
      throw TwilioError.missing(name);
    }
    return v;
  }

  static Optional<String> optional(Call call, String name) {
    return call.formParam(name);
  }

  static int integer(Call call, String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n < min || n > max) {
        throw TwilioError.invalid(name, "must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw TwilioError.invalid(name, "must be a whole number, got '" + value + "'");
    }
  }

  static boolean bool(String name, String value) {
    if ("true".equalsIgnoreCase(value)) {
      return true;
    }
    if ("false".equalsIgnoreCase(value)) {
      return false;
    }
    throw TwilioError.invalid(name, "must be true or false, got '" + value + "'");
  }

  static void maxLength(String name, String value, int max) {
    if (value.length() > max) {
      throw TwilioError.invalid(
          name, "must be at most " + max + " characters, got " + value.length());
    }
  }
}
