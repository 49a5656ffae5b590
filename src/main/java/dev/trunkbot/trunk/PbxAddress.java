package dev.trunkbot.trunk;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The PBX's public address: a static IPv4 address (what Twilio's IP access control list holds) or a
 * fully qualified domain name. Private, loopback, link-local and other non-public IPv4 addresses
 * are refused, because Twilio could never reach them.
 */
public record PbxAddress(String host) {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern FQDN_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern IPV6 =
      Pattern.compile(
          "\\[?[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(:\\d{1,3}(\\.\\d{1,3}){3})?(%[^\\]]+)?\\]?");

  /** Non-public IPv4 blocks: (first address, prefix length, why). */
  private static final Object[][] NOT_PUBLIC = {
    {"0.0.0.0", 8, "is in 0.0.0.0/8, which means 'this network'"},
    {"10.0.0.0", 8, "is private (10.0.0.0/8)"},
    {"100.64.0.0", 10, "is carrier-grade NAT space (100.64.0.0/10)"},
    {"127.0.0.0", 8, "is loopback (127.0.0.0/8)"},
    {"169.254.0.0", 16, "is link-local (169.254.0.0/16)"},
    {"172.16.0.0", 12, "is private (172.16.0.0/12)"},
    {"192.0.0.0", 24, "is reserved for protocol assignments (192.0.0.0/24)"},
    {"192.0.2.0", 24, "is reserved for documentation (192.0.2.0/24)"},
    {"192.168.0.0", 16, "is private (192.168.0.0/16)"},
    {"198.18.0.0", 15, "is reserved for benchmarking (198.18.0.0/15)"},
    {"198.51.100.0", 24, "is reserved for documentation (198.51.100.0/24)"},
    {"203.0.113.0", 24, "is reserved for documentation (203.0.113.0/24)"},
    {"224.0.0.0", 4, "is multicast (224.0.0.0/4)"},
    {"240.0.0.0", 4, "is reserved (240.0.0.0/4)"},
  };

  public PbxAddress {
    host = host.toLowerCase(Locale.ROOT);
  }

  /**
   * Reads an IPv4 address or FQDN and refuses what Twilio cannot reach, saying why. A name may end
   * in a dot (fully qualified) and may be internationalized (kept in its ASCII form, {@code
   * xn--...}); an IPv6 address is refused, since Twilio's access control lists hold IPv4 only.
   */
  public static PbxAddress parse(String field, String text) {
    String raw = text == null ? "" : text.trim();
    if (raw.isEmpty()) {
      throw new InvalidInputException(
          field, "is missing: give the PBX's public static IP (e.g. 151.101.2.3) or its FQDN");
    }
    Text.requireVisible(field, raw);
    String s = raw.toLowerCase(Locale.ROOT);
    if (IPV6.matcher(s).matches()) {
      throw new InvalidInputException(
          field,
          "'"
              + raw
              + "' is an IPv6 address: Twilio's IP access control lists and origination URIs"
              + " take IPv4 only, so give the PBX's public IPv4 address or a name that resolves"
              + " to one");
    }
    if (IPV4.matcher(s).matches()) {
      return ipv4(field, s);
    }
    if (s.contains(":")) {
      throw new InvalidInputException(
          field,
          "'"
              + raw
              + "' holds a ':': give the PBX's address alone, without a port or scheme"
              + " (e.g. pbx.example.com)");
    }
    String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    String ascii;
    try {
      ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      ascii = "";
    }
    if (!isDomainName(ascii)) {
      throw new InvalidInputException(
          field,
          "'"
              + raw
              + "' is neither an IPv4 address nor a fully qualified"
              + " domain name (like pbx.example.com)");
    }
    if (ascii.equals("localhost")
        || ascii.endsWith(".localhost")
        || ascii.endsWith(".local")
        || ascii.endsWith(".internal")) {
      throw new InvalidInputException(
          field, "'" + raw + "' is not a public name: Twilio must reach the PBX");
    }
    return new PbxAddress(ascii);
  }

  private static PbxAddress ipv4(String field, String s) {
    String[] parts = s.split("\\.");
    for (String p : parts) {
      if (Integer.parseInt(p) > 255 || (p.length() > 1 && p.startsWith("0"))) {
        throw new InvalidInputException(
            field,
            "'"
                + s
                + "' is not an IPv4 address: each of its four parts"
                + " is 0-255 without leading zeros");
      }
    }
    Optional<String> why = whyNotPublic(s);
    if (why.isPresent()) {
      throw new InvalidInputException(
          field,
          "'" + s + "' " + why.get() + ": Twilio must reach the PBX, so give its public static IP");
    }
    return new PbxAddress(s);
  }

  /** Two or more labels, each a DNS label; the last letters only, or an IDN's xn-- form. */
  private static boolean isDomainName(String ascii) {
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2 || ascii.length() > 253) {
      return false;
    }
    for (String label : labels) {
      if (!FQDN_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    String tld = labels[labels.length - 1];
    return tld.chars().allMatch(Character::isLetter) || tld.startsWith("xn--");
  }

  /** Why an IPv4 address is not public, or empty when it is. */
  public static Optional<String> whyNotPublic(String ipv4) {
    long ip = toLong(ipv4);
    for (Object[] block : NOT_PUBLIC) {
      int prefix = (Integer) block[1];
      long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
      if ((ip & mask) == toLong((String) block[0])) {
        return Optional.of((String) block[2]);
      }
    }
    return Optional.empty();
  }

  private static long toLong(String ipv4) {
    long v = 0;
    for (String p : ipv4.split("\\.")) {
      v = (v << 8) | Integer.parseInt(p);
    }
    return v;
  }

  public boolean isIpAddress() {
    return IPV4.matcher(host).matches();
  }

  @Override
  public String toString() {
    return host;
  }
}
