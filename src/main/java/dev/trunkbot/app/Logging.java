package dev.trunkbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * TRUNKBOT_LOG_LEVEL and TRUNKBOT_LOG_FORMAT, checked (logback would read an unknown level as
 * DEBUG). Text (the default) is one line per event with its context (run, step, actor, vendor,
 * status) in brackets; json is one JSON object per line (logback's JsonEncoder: level, time,
 * logger, the context under "mdc", the message), never a stack trace.
 */
final class Logging {
  static final String LEVEL = "TRUNKBOT_LOG_LEVEL";
  static final String FORMAT = "TRUNKBOT_LOG_FORMAT";
  private static final Set<String> LEVELS =
      Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE", "OFF");
  private static final String APPENDER = "STDERR";

  private Logging() {}

  /** Applies level and format; the problem, when a setting is wrong (nothing is changed then). */
  static Optional<String> configure(Map<String, String> env) {
    return configure(env, false);
  }

  /**
   * As {@link #configure(Map)}; a server ({@code serve}) logs at INFO unless TRUNKBOT_LOG_LEVEL
   * says otherwise, a command at WARN.
   */
  static Optional<String> configure(Map<String, String> env, boolean server) {
    String raw = env.getOrDefault(LEVEL, "").strip();
    String level = raw.isEmpty() ? (server ? "INFO" : "") : raw.toUpperCase(Locale.ROOT);
    if (!level.isEmpty() && !LEVELS.contains(level)) {
      return Optional.of(
          LEVEL
              + ": '"
              + raw
              + "' is not a log level; use ERROR, WARN (the default), INFO or DEBUG");
    }
    String format = env.getOrDefault(FORMAT, "").strip().toLowerCase(Locale.ROOT);
    if (!format.isEmpty() && !format.equals("text") && !format.equals("json")) {
      return Optional.of(
          FORMAT
              + ": '"
              + env.get(FORMAT).strip()
              + "' is not a log format; use text (the default) or json");
    }
    if (!(LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root)) {
      return Optional.empty();
    }
    if (!level.isEmpty()) {
      root.setLevel(Level.toLevel(level));
    }
    if (format.equals("json")) {
      json(root);
    }
    return Optional.empty();
  }

  /** The console appender writes one JSON object per line from now on. */
  private static void json(Logger root) {
    Appender<ILoggingEvent> appender = root.getAppender(APPENDER);
    if (!(appender instanceof OutputStreamAppender<ILoggingEvent> console)) {
      return;
    }
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithArguments(false);
    encoder.setWithMessage(false);
    encoder.setWithFormattedMessage(true);
    encoder.setWithThrowable(false);
    encoder.start();
    console.stop();
    console.setEncoder(encoder);
    console.start();
  }
}
