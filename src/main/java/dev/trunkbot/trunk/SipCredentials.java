package dev.trunkbot.trunk;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The credential of Twilio's credential list, which PortSIP's trunk uses as authentication name and
 * password. Username: 1-32 letters, digits, '.', '_' or '-'. Password (Twilio's policy): at least
 * 12 characters with a digit, an upper-case and a lower-case letter. {@link #toString()} never
 * shows the password.
 */
public final class SipCredentials {
  public static final int MAX_USERNAME = 32;
  public static final int MIN_PASSWORD = 12;
  public static final int MAX_PASSWORD = 64;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_USERNAME + "}");
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGIT = "23456789";
  private static final String ALL = UPPER + LOWER + DIGIT;
  private static final int GENERATED_LENGTH = 24;

  private final String username;
  private final String password;

  private SipCredentials(String username, String password) {
    this.username = username;
    this.password = password;
  }

  /**
   * Checks both parts, reporting problems under {@code field.username} and {@code field.password}.
   */
  public static SipCredentials of(String field, String username, String password) {
    Problems problems = new Problems();
    problems.parse(username, u -> checkUsername(field + ".username", u));
    String why = passwordProblem(password);
    if (why != null) {
      problems.add(field + ".password", why);
    }
    problems.throwIfAny();
    return new SipCredentials(username.trim(), password);
  }

  /** A username with a fresh password from {@code random} that always meets Twilio's policy. */
  public static SipCredentials generate(String username, SecureRandom random) {
    checkUsername("credentials.username", username);
    return fromStream(username, random::nextInt);
  }

  /**
   * The password derived from a secret key for one trunk: the same key, trunk and username always
   * give the same compliant password, so a repeated or resumed run hands Twilio and PortSIP the
   * same one without storing it.
   */
  public static SipCredentials derive(String username, byte[] key, String trunkId) {
    checkUsername("credentials.username", username);
    byte[] stream = new byte[0];
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      for (int block = 0; stream.length < GENERATED_LENGTH * 2; block++) {
        mac.update(
            ("trunkbot sip password " + block + " " + trunkId + " " + username.trim())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] more = mac.doFinal();
        byte[] joined = java.util.Arrays.copyOf(stream, stream.length + more.length);
        System.arraycopy(more, 0, joined, stream.length, more.length);
        stream = joined;
      }
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
    byte[] bytes = stream;
    int[] next = {0};
    return fromStream(username, bound -> Math.floorMod(bytes[next[0]++], bound));
  }

  private static SipCredentials fromStream(
      String username, java.util.function.IntUnaryOperator nextInt) {
    char[] chars = new char[GENERATED_LENGTH];
    chars[0] = UPPER.charAt(nextInt.applyAsInt(UPPER.length()));
    chars[1] = LOWER.charAt(nextInt.applyAsInt(LOWER.length()));
    chars[2] = DIGIT.charAt(nextInt.applyAsInt(DIGIT.length()));
    for (int i = 3; i < chars.length; i++) {
      chars[i] = ALL.charAt(nextInt.applyAsInt(ALL.length()));
    }
    for (int i = chars.length - 1; i > 0; i--) {
      int j = nextInt.applyAsInt(i + 1);
      char t = chars[i];
      chars[i] = chars[j];
      chars[j] = t;
    }
    return new SipCredentials(username.trim(), new String(chars));
  }

  /** Checks a username and returns it trimmed. */
  public static String checkUsername(String field, String username) {
    String u = username == null ? "" : username.trim();
    Text.requireVisible(field, u);
    if (u.isEmpty()) {
      throw new InvalidInputException(
          field, "is missing: give 1-" + MAX_USERNAME + " letters, digits, '.', '_' or '-'");
    }
    if (!USERNAME.matcher(u).matches()) {
      throw new InvalidInputException(
          field,
          "'"
              + u
              + "' must be 1-"
              + MAX_USERNAME
              + " characters of letters, digits, '.', '_' or '-'"
              + (u.length() > MAX_USERNAME ? " (it has " + u.length() + ")" : ""));
    }
    return u;
  }

  /** Why a password breaks Twilio's policy (never quoting it), or null when it meets it. */
  static String passwordProblem(String password) {
    if (password == null || password.isEmpty()) {
      return "is missing: leave credentials.password out to have a compliant one generated";
    }
    StringBuilder missing = new StringBuilder();
    if (password.length() < MIN_PASSWORD) {
      missing
          .append(", at least ")
          .append(MIN_PASSWORD)
          .append(" characters (it has ")
          .append(password.length())
          .append(')');
    }
    if (password.length() > MAX_PASSWORD) {
      missing
          .append(", at most ")
          .append(MAX_PASSWORD)
          .append(" characters (it has ")
          .append(password.length())
          .append(')');
    }
    if (password.chars().noneMatch(Character::isDigit)) {
      missing.append(", a digit");
    }
    if (password.chars().noneMatch(Character::isUpperCase)) {
      missing.append(", an upper-case letter");
    }
    if (password.chars().noneMatch(Character::isLowerCase)) {
      missing.append(", a lower-case letter");
    }
    if (password.chars().anyMatch(Character::isWhitespace)) {
      missing.append(", no spaces");
    }
    return missing.length() == 0
        ? null
        : "does not meet Twilio's password policy; it needs"
            + missing.substring(1)
            + " (or leave it out to have one generated)";
  }

  public String username() {
    return username;
  }

  /** The password itself: pass it only to Twilio and PortSIP, never to a message or a log. */
  public String password() {
    return password;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SipCredentials c
        && c.username.equals(username)
        && c.password.equals(password);
  }

  @Override
  public int hashCode() {
    return username.hashCode() * 31 + password.hashCode();
  }

  @Override
  public String toString() {
    return "SipCredentials[username=" + username + ", password=****]";
  }
}
