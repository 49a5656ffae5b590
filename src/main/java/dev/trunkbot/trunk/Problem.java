package dev.trunkbot.trunk;

import java.util.Objects;

/**
 * One thing wrong with the input: the field it is in (as the user wrote it) and what to do about
 * it.
 */
public record Problem(String field, String message) {
  public Problem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
