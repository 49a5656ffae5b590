package dev.trunkbot.trunk;

/**
 * Whole numbers typed by people, checked against a range with a message that says what would be
 * valid.
 */
final class Numbers {
  private Numbers() {}

  static int parseInt(String field, String text, int min, int max, String meaning) {
    String s = text == null ? "" : text.trim();
    if (s.isEmpty()) {
      throw new InvalidInputException(
          field,
          "is missing: give a whole number from " + min + " to " + max + " (" + meaning + ")");
    }
    Text.requireAsciiDigits(field, s);
    long value;
    try {
      value = Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          field,
          "'" + Text.shown(s) + "' is not a whole number: give one from " + min + " to " + max);
    }
    if (value < min || value > max) {
      throw new InvalidInputException(
          field,
          value
              + " is out of range: give a whole number from "
              + min
              + " to "
              + max
              + " ("
              + meaning
              + ")");
    }
    return (int) value;
  }
}
