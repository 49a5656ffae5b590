package dev.trunkbot.portsip;

import java.util.Objects;

/**
 * What an ensure call left behind: the value and whether it was created, corrected (updated) or found as asked.
 * The same shape as the Twilio port's result, so the two can later become one shared type.
 */
public record Ensured<T>(T value, Change change) {
    public enum Change { CREATED, UPDATED, FOUND }

    public Ensured {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(change, "change");
    }

    public static <T> Ensured<T> created(T value) { return new Ensured<>(value, Change.CREATED); }

    public static <T> Ensured<T> updated(T value) { return new Ensured<>(value, Change.UPDATED); }

    public static <T> Ensured<T> found(T value) { return new Ensured<>(value, Change.FOUND); }

    /** True when this call changed something on the PBX. */
    public boolean changed() { return change != Change.FOUND; }
}
