package dev.trunkbot.twilio;

import java.util.Objects;

/** The result of an idempotent operation: the resource's value (usually its SID) and what the call changed. */
public record Ensured<T>(T value, Change change) {
    public Ensured {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(change, "change");
    }

    public static <T> Ensured<T> created(T value) { return new Ensured<>(value, Change.CREATED); }

    public static <T> Ensured<T> updated(T value) { return new Ensured<>(value, Change.UPDATED); }

    public static <T> Ensured<T> found(T value) { return new Ensured<>(value, Change.FOUND); }

    /** True when this call created the resource, so a rollback of this run may undo it. */
    public boolean wasCreated() { return change == Change.CREATED; }
}
