package dev.trunkbot.port;

import java.util.Objects;

/**
 * The result of an idempotent operation of a port (Twilio, PortSIP): the resource's value (usually
 * its id) and what the call changed to reach the wanted state.
 */
public record Ensured<T>(T value, Change change) {
  public Ensured {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(change, "change");
  }

  public static <T> Ensured<T> created(T value) {
    return new Ensured<>(value, Change.CREATED);
  }

  public static <T> Ensured<T> updated(T value) {
    return new Ensured<>(value, Change.UPDATED);
  }

  public static <T> Ensured<T> found(T value) {
    return new Ensured<>(value, Change.FOUND);
  }

  /** True when this call created the resource, so a rollback of this run may undo it. */
  public boolean wasCreated() {
    return change == Change.CREATED;
  }

  /** True when this call wrote something (created or corrected the resource). */
  public boolean changed() {
    return change != Change.FOUND;
  }
}
