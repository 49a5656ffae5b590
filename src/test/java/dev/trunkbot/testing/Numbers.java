package dev.trunkbot.testing;

import java.util.List;
import java.util.stream.LongStream;

/** Runs of consecutive phone numbers for seeding the emulators. */
public final class Numbers {
  private Numbers() {}

  /** {@code count} numbers from {@code first} on, as digits. */
  public static List<String> from(long first, int count) {
    return LongStream.range(first, first + count).mapToObj(Long::toString).toList();
  }
}
