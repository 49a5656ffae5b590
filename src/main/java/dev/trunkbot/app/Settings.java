package dev.trunkbot.app;

import dev.trunkbot.portsip.PortSipConfig;
import dev.trunkbot.twilio.TwilioConfig;
import dev.trunkbot.workflow.Databases;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * trunkbot's configuration from the environment. A side without configuration is the sandbox's
 * emulator; pointing real Twilio at an emulated PBX is refused, since assigning live DIDs to a
 * trunk whose PBX is fake breaks calls.
 *
 * @param twilio the Twilio account (empty: the sandbox's emulator)
 * @param portsip the PBX (empty: the sandbox's emulator)
 */
record Settings(
    Path home,
    Optional<TwilioConfig> twilio,
    Optional<PortSipConfig> portsip,
    Optional<String> dbUrl,
    int twilioConcurrency,
    int portsipConcurrency,
    boolean allowAutoApprove,
    boolean allowSelfApproval,
    String approvers,
    java.time.Duration shutdownTimeout) {
  static final String TWILIO_CONCURRENCY = "TRUNKBOT_TWILIO_CONCURRENCY";
  static final String PORTSIP_CONCURRENCY = "TRUNKBOT_PORTSIP_CONCURRENCY";
  static final String ALLOW_AUTO_APPROVE = "TRUNKBOT_ALLOW_AUTO_APPROVE";
  static final String ALLOW_SELF_APPROVAL = "TRUNKBOT_ALLOW_SELF_APPROVAL";
  static final String SHUTDOWN_TIMEOUT = "TRUNKBOT_SHUTDOWN_TIMEOUT";

  /**
   * Reads and checks every setting; a wrong one is an {@link IllegalArgumentException} naming the
   * variable.
   */
  static Settings from(Map<String, String> env) {
    Optional<TwilioConfig> twilio = TwilioConfig.fromEnvironment(env);
    Optional<PortSipConfig> portsip =
        present(env, "PORTSIP_URL")
            ? Optional.of(PortSipConfig.fromEnvironment(env))
            : Optional.empty();
    if (twilio.isPresent() && twilio.get().baseUrl().isEmpty() && portsip.isEmpty()) {
      throw new IllegalArgumentException(
          "TWILIO_ACCOUNT_SID is set but PORTSIP_URL is not: trunkbot will not route"
              + " a real Twilio account's DIDs to an emulated PBX. Set PORTSIP_URL, PORTSIP_USERNAME and"
              + " PORTSIP_PASSWORD, or unset the TWILIO_* variables to use the sandbox");
    }
    return new Settings(
        Databases.home(env),
        twilio,
        portsip,
        Optional.ofNullable(env.get(Databases.DB_URL)).filter(s -> !s.isBlank()),
        positive(env, TWILIO_CONCURRENCY, 20),
        positive(env, PORTSIP_CONCURRENCY, 5),
        flag(env, ALLOW_AUTO_APPROVE),
        flag(env, ALLOW_SELF_APPROVAL),
        env.getOrDefault(dev.trunkbot.service.ApprovalPolicy.APPROVERS, ""),
        java.time.Duration.ofSeconds(seconds(env, SHUTDOWN_TIMEOUT, 30)));
  }

  /** True when a side runs on the sandbox's emulator. */
  boolean sandbox() {
    return twilio.isEmpty() || portsip.isEmpty();
  }

  private static boolean present(Map<String, String> env, String name) {
    String v = env.get(name);
    return v != null && !v.isBlank();
  }

  private static boolean flag(Map<String, String> env, String name) {
    String v = env.getOrDefault(name, "").trim().toLowerCase(java.util.Locale.ROOT);
    if (v.isEmpty() || v.equals("false") || v.equals("0") || v.equals("no")) {
      return false;
    }
    if (v.equals("true") || v.equals("1") || v.equals("yes")) {
      return true;
    }
    throw new IllegalArgumentException(
        name + " must be true or false, got '" + env.get(name) + "'");
  }

  private static int seconds(Map<String, String> env, String name, int fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    String digits =
        v.trim().endsWith("s") ? v.trim().substring(0, v.trim().length() - 1) : v.trim();
    try {
      int n = Integer.parseInt(digits);
      if (n >= 1 && n <= 3600) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a number of seconds from 1 to 3600 (e.g. 30), got '" + v + "'");
  }

  private static int positive(Map<String, String> env, String name, int fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 1 && n <= 1000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a whole number from 1 to 1000, got '" + v + "'");
  }
}
