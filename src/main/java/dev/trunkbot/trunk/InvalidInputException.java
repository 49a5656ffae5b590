package dev.trunkbot.trunk;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot be used, with every problem found in it (never just the first). */
public final class InvalidInputException extends RuntimeException {
  private final List<Problem> problems;

  public InvalidInputException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new Problem(field, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
