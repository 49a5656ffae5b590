package dev.trunkbot.slack;

import dev.trunkbot.service.Actor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Text for Slack's mrkdwn: escaped user input, cut to a limit, people and times. */
final class Mrkdwn {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Mrkdwn() {}

  /** Escapes the three characters Slack gives meaning to ({@code & < >}). */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** At most {@code max} characters, ending in an ellipsis when cut. */
  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
  }

  /** Inline code of user input: escaped, without backticks that would end it. */
  static String code(String text) {
    return "`" + escape(text.replace('`', '\'')) + "`";
  }

  /** A Slack user as a mention (Slack shows their name); others by name and where from. */
  static String who(Actor actor) {
    return switch (actor.source()) {
      case SLACK -> "<@" + actor.id() + ">";
      case CLI -> escape(actor.name()) + " (command line)";
      case SYSTEM -> escape(actor.name());
    };
  }

  /** A time Slack shows in the reader's own time zone, with UTC as the fallback text. */
  static String when(Instant at) {
    return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + UTC.format(at) + ">";
  }

  /** Plain UTC time, for fallback text. */
  static String utc(Instant at) {
    return UTC.format(at);
  }

  /** A block quote of possibly many lines. */
  static String quote(String text) {
    return "> " + escape(text).replace("\n", "\n> ");
  }
}
