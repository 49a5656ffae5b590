package dev.trunkbot.trunk;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The trunk's termination SIP URI host, {@code <label>.pstn.twilio.com}, unique across all of
 * Twilio. The label is letters, digits and hyphens (not at either end), at most 63 characters.
 */
public record TerminationDomain(String label) {
  public static final String SUFFIX = ".pstn.twilio.com";
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  public TerminationDomain {
    if (!LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException(
          "not a termination label: " + label + " (use TerminationDomain.parse)");
    }
  }

  /**
   * Accepts the label ({@code portsip-pbx}) or the whole host ({@code
   * portsip-pbx.pstn.twilio.com}).
   */
  public static TerminationDomain parse(String field, String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Text.requireVisible(field, s);
    if (s.endsWith(SUFFIX)) {
      s = s.substring(0, s.length() - SUFFIX.length());
    }
    if (s.isEmpty()) {
      throw new InvalidInputException(
          field,
          "is missing: give the label of the termination URI, e.g. portsip-pbx"
              + " for portsip-pbx"
              + SUFFIX);
    }
    if (s.contains(".")) {
      throw new InvalidInputException(
          field,
          "'"
              + text.trim()
              + "' must be one label (letters, digits, hyphens)"
              + " that becomes <label>"
              + SUFFIX
              + "; dots are not allowed");
    }
    if (s.length() > 63) {
      throw new InvalidInputException(
          field, "'" + s + "' has " + s.length() + " characters; a label has at most 63");
    }
    if (!LABEL.matcher(s).matches()) {
      throw new InvalidInputException(
          field,
          "'"
              + text.trim()
              + "' may hold only letters, digits and hyphens,"
              + " and may not start or end with a hyphen");
    }
    return new TerminationDomain(s);
  }

  /** {@code portsip-pbx.pstn.twilio.com} */
  public String host() {
    return label + SUFFIX;
  }

  @Override
  public String toString() {
    return host();
  }
}
