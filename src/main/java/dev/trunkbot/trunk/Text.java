package dev.trunkbot.trunk;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * What people type, seen for what it is: characters that show nothing or turn text around (zero
 * width spaces, bidirectional controls such as U+202E, line separators, no-break spaces), and
 * digits that are not 0-9. Names refuse the first; numbers refuse the second; messages show both by
 * their code point, never raw.
 */
public final class Text {
  private Text() {}

  /**
   * The first character that shows nothing or changes text direction: a format character (Cf:
   * zero-width and bidirectional controls), a line or paragraph separator, a control character, or
   * a space other than the plain one (U+0020).
   */
  public static OptionalInt invisible(String s) {
    return s == null ? OptionalInt.empty() : s.codePoints().filter(Text::isInvisible).findFirst();
  }

  static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.CONTROL
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED
        || (type == Character.SPACE_SEPARATOR && cp != ' ');
  }

  /** The first digit that is not one of 0-9 (Arabic-Indic, fullwidth, ...). */
  public static OptionalInt foreignDigit(String s) {
    return s == null
        ? OptionalInt.empty()
        : s.codePoints().filter(c -> Character.isDigit(c) && (c < '0' || c > '9')).findFirst();
  }

  /** {@code U+200B ZERO WIDTH SPACE} */
  public static String describe(int cp) {
    String name = Character.getName(cp);
    return String.format(Locale.ROOT, "U+%04X", cp) + (name == null ? "" : " " + name);
  }

  /** The text with every invisible character written as {@code <U+200B>}, for messages. */
  public static String shown(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .forEach(
            cp -> {
              if (isInvisible(cp)) {
                out.append(String.format(Locale.ROOT, "<U+%04X>", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  /**
   * Refuses a name holding an invisible or direction-changing character, saying which and where.
   */
  static void requireVisible(String field, String text) {
    OptionalInt bad = invisible(text);
    if (bad.isPresent()) {
      int at = text.codePoints().takeWhile(c -> c != bad.getAsInt()).toArray().length + 1;
      throw new InvalidInputException(
          field,
          "contains "
              + (Character.getType(bad.getAsInt()) == Character.SPACE_SEPARATOR
                  ? "a space that is not a plain space ("
                  : "an invisible or direction-changing character (")
              + describe(bad.getAsInt())
              + ") at character "
              + at
              + ": use visible characters and plain spaces only");
    }
  }

  /** Refuses a number written with digits other than 0-9, saying which. */
  static void requireAsciiDigits(String field, String text) {
    OptionalInt bad = foreignDigit(text);
    if (bad.isPresent()) {
      throw new InvalidInputException(
          field,
          "'"
              + shown(text)
              + "' has a digit that is not 0-9 ("
              + describe(bad.getAsInt())
              + "): write the number with the digits 0-9");
    }
  }
}
