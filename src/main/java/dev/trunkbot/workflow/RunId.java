package dev.trunkbot.workflow;

import java.util.Objects;
import java.util.UUID;

/** Identifies one run of a workflow. */
public record RunId(String value) {
  public RunId {
    Objects.requireNonNull(value, "run id");
    if (value.isBlank() || value.length() > 36) {
      throw new IllegalArgumentException("run id must be 1-36 characters, got '" + value + "'");
    }
  }

  public static RunId random() {
    return new RunId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
