package dev.trunkbot.trunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Collects problems while a value is checked, so that all of them are reported at once. */
final class Problems {
  private final List<Problem> found = new ArrayList<>();

  void add(String field, String message) {
    found.add(new Problem(field, message));
  }

  /** Runs a parser; on failure keeps its problems and answers empty. */
  <T> Optional<T> parse(String input, Function<String, T> parser) {
    try {
      return Optional.of(parser.apply(input));
    } catch (InvalidInputException e) {
      found.addAll(e.problems());
      return Optional.empty();
    }
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new InvalidInputException(found);
    }
  }
}
