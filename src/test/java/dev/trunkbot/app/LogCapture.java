package dev.trunkbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Every log line of the process at DEBUG, kept (not printed) while open. */
final class LogCapture implements AutoCloseable {
  private final Logger root;
  private final Level before;
  private final List<Appender<ILoggingEvent>> printers = new ArrayList<>();
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

  LogCapture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    before = root.getLevel();
    root.iteratorForAppenders().forEachRemaining(printers::add);
    printers.forEach(root::detachAppender);
    captured.start();
    root.addAppender(captured);
    root.setLevel(Level.DEBUG);
  }

  /** Each line with its exception's message, if any. */
  String text() {
    return captured.list.stream()
        .map(
            e ->
                e.getFormattedMessage()
                    + (e.getThrowableProxy() == null
                        ? ""
                        : " " + e.getThrowableProxy().getMessage()))
        .collect(Collectors.joining("\n"));
  }

  int lines() {
    return captured.list.size();
  }

  @Override
  public void close() {
    root.setLevel(before);
    root.detachAppender(captured);
    printers.forEach(root::addAppender);
  }
}
