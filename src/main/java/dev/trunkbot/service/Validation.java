package dev.trunkbot.service;

import dev.trunkbot.trunk.InvalidInputException;
import dev.trunkbot.trunk.Problem;
import dev.trunkbot.trunk.TrunkDraft;
import dev.trunkbot.trunk.TrunkSpec;
import java.util.List;
import java.util.Optional;

/** A draft checked by the domain's rules: the spec, or every problem under its field. */
public record Validation(Optional<TrunkSpec> spec, List<Problem> problems) {
  public Validation {
    problems = List.copyOf(problems);
    if (spec.isPresent() == !problems.isEmpty()) {
      throw new IllegalArgumentException("a validation holds a spec or problems, not both");
    }
  }

  /** The draft checked by the domain's rules. */
  public static Validation of(TrunkDraft draft) {
    try {
      return new Validation(Optional.of(TrunkSpec.from(draft)), List.of());
    } catch (InvalidInputException e) {
      return new Validation(Optional.empty(), e.problems());
    }
  }

  public boolean valid() {
    return spec.isPresent();
  }
}
