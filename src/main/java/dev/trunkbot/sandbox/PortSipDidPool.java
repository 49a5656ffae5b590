package dev.trunkbot.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The emulator's own minimal reading of a PortSIP {@code did_numbers} string ({@code
 * 12027594810-12027594815;12027594820}), just enough to enforce the PBX's rules: digits only, no
 * leading {@code +}, {@code 0} or {@code 00}, ranges low-high, and no overlap between the pools of
 * two tenants on one trunk. Deliberately independent of the domain's DidPool: the emulator plays
 * the PBX, not the bot.
 */
final class PortSipDidPool {
  record Range(long low, long high) {
    boolean overlaps(Range o) {
      return low <= o.high && o.low <= high;
    }

    Range intersection(Range o) {
      return new Range(Math.max(low, o.low), Math.min(high, o.high));
    }

    @Override
    public String toString() {
      return low == high ? Long.toString(low) : low + "-" + high;
    }
  }

  private final List<Range> ranges;

  private PortSipDidPool(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /**
   * The pool, or the reason it is not a valid {@code did_numbers} value (message without the field
   * name).
   */
  static Parsed parse(String text) {
    List<Range> ranges = new ArrayList<>();
    for (String raw : text.split(";", -1)) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        if (text.isBlank()) {
          break;
        }
        return Parsed.bad("has an empty entry between ';' separators");
      }
      String[] ends = entry.split("-", -1);
      if (ends.length > 2) {
        return Parsed.bad("entry '" + entry + "' is not a number or a range low-high");
      }
      Optional<String> problem = checkNumber(entry, ends[0].strip());
      if (problem.isEmpty() && ends.length == 2) {
        problem = checkNumber(entry, ends[1].strip());
      }
      if (problem.isPresent()) {
        return Parsed.bad(problem.get());
      }
      long low = Long.parseLong(ends[0].strip());
      long high = ends.length == 2 ? Long.parseLong(ends[1].strip()) : low;
      if (high < low) {
        return Parsed.bad("range '" + entry + "' ends below its start");
      }
      ranges.add(new Range(low, high));
    }
    return new Parsed(Optional.of(new PortSipDidPool(ranges)), "");
  }

  /** The numbers both pools hold, as ranges. */
  List<Range> overlapWith(PortSipDidPool other) {
    List<Range> out = new ArrayList<>();
    for (Range a : ranges) {
      for (Range b : other.ranges) {
        if (a.overlaps(b)) {
          out.add(a.intersection(b));
        }
      }
    }
    return out;
  }

  private static Optional<String> checkNumber(String entry, String number) {
    if (number.startsWith("+")) {
      return Optional.of(
          "entry '" + entry + "' must not start with '+' (write 12027594810, not +12027594810)");
    }
    if (number.startsWith("0")) {
      return Optional.of("entry '" + entry + "' must not start with 0 or 00");
    }
    if (number.isEmpty() || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of("entry '" + entry + "' is not a number or a range low-high of digits");
    }
    if (number.length() > 18) {
      return Optional.of("entry '" + entry + "' has more than 18 digits");
    }
    return Optional.empty();
  }

  record Parsed(Optional<PortSipDidPool> pool, String problem) {
    static Parsed bad(String problem) {
      return new Parsed(Optional.empty(), problem);
    }
  }
}
