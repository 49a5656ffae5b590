package dev.trunkbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;

/** TRUNKBOT_LOG_LEVEL, checked: logback would read an unknown level as DEBUG. */
final class Logging {
  static final String LEVEL = "TRUNKBOT_LOG_LEVEL";
  private static final Set<String> LEVELS =
      Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE", "OFF");

  private Logging() {}

  /** Applies the level; the problem, when the setting is wrong (nothing is changed then). */
  static Optional<String> configure(Map<String, String> env) {
    String raw = env.getOrDefault(LEVEL, "").strip();
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String level = raw.toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      return Optional.of(
          LEVEL
              + ": '"
              + raw
              + "' is not a log level; use ERROR, WARN (the default), INFO or DEBUG");
    }
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.toLevel(level));
    }
    return Optional.empty();
  }
}
