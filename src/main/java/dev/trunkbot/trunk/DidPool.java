package dev.trunkbot.trunk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A pool of DIDs in the guide's syntax: {@code 12027594810}, {@code 12027594810;12027594815},
 * {@code 12027594810-12027594815;12027594820}. Held as sorted, merged ranges, so a range of 10,000
 * numbers costs two longs, not 10,000 strings. Numbers never start with 0 (PortSIP refuses {@code
 * 0}, {@code 00} and {@code +} prefixes), so a number's value alone fixes its digits.
 */
public final class DidPool implements Iterable<String> {
  /** The largest pool {@link #parse(String, String)} accepts unless told otherwise. */
  public static final long DEFAULT_MAX_SIZE = 10_000;

  static final int MIN_DIGITS = 7;
  static final int MAX_DIGITS = 15;
  private static final String SYNTAX =
      "write numbers like 12027594810, lists like 12027594810;12027594815"
          + " or ranges like 12027594810-12027594815";

  public static final DidPool EMPTY = new DidPool(new long[0], new long[0]);

  private final long[] starts;
  private final long[] ends;

  private DidPool(long[] starts, long[] ends) {
    this.starts = starts;
    this.ends = ends;
  }

  /** Parses a pool with the default size limit, reporting problems under {@code field}. */
  public static DidPool parse(String field, String text) {
    return parse(field, text, DEFAULT_MAX_SIZE);
  }

  /**
   * Parses a pool, reporting every problem under {@code field}: non-digits, a leading +, 0 or 00,
   * reversed ranges, range ends of different lengths, overlapping or duplicate entries, more than
   * {@code maxSize} numbers.
   */
  public static DidPool parse(String field, String text, long maxSize) {
    Problems problems = new Problems();
    List<long[]> entries = new ArrayList<>();
    List<String> written = new ArrayList<>();
    for (String raw : text == null ? new String[0] : text.split("[;\\r\\n\\u2028\\u2029]")) {
      // any kind of space is a space here: a no-break space pasted from a web page too
      String entry = raw.replaceAll("[\\s\\p{Zs}]+", "");
      if (entry.isEmpty()) {
        continue;
      }
      parseEntry(field, entry, problems)
          .ifPresent(
              r -> {
                entries.add(r);
                written.add(entry);
              });
    }
    if (entries.isEmpty() && problems.isEmpty()) {
      problems.add(field, "is empty: " + SYNTAX);
    }
    Integer[] order = new Integer[entries.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Long.compare(entries.get(a)[0], entries.get(b)[0]));
    long size = 0;
    int furthest = -1;
    for (int i : order) {
      long[] r = entries.get(i);
      if (furthest >= 0 && r[0] <= entries.get(furthest)[1]) {
        boolean same = Arrays.equals(r, entries.get(furthest));
        problems.add(
            field,
            same
                ? "'" + written.get(i) + "' is listed twice: list each number once"
                : "'"
                    + written.get(i)
                    + "' overlaps '"
                    + written.get(furthest)
                    + "': each number may appear only once");
      }
      if (furthest < 0 || r[1] > entries.get(furthest)[1]) {
        furthest = i;
      }
      size = saturatedAdd(size, r[1] - r[0] + 1);
    }
    if (size > maxSize) {
      problems.add(field, "holds " + size + " numbers; a pool may hold at most " + maxSize);
    }
    problems.throwIfAny();
    return merged(entries);
  }

  private static Optional<long[]> parseEntry(String field, String entry, Problems problems) {
    int dash = entry.indexOf('-');
    if (dash < 0) {
      return number(field, entry, problems).map(n -> new long[] {n, n});
    }
    String first = entry.substring(0, dash);
    String last = entry.substring(dash + 1);
    Optional<Long> a = number(field, first, problems);
    Optional<Long> b = number(field, last, problems);
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    if (first.length() != last.length()) {
      problems.add(
          field,
          "range '"
              + entry
              + "' has ends of different lengths ("
              + first.length()
              + " and "
              + last.length()
              + " digits): write both ends in full, e.g. 12027594810-12027594815");
      return Optional.empty();
    }
    if (a.get() > b.get()) {
      problems.add(field, "range '" + entry + "' is reversed: write it as " + last + "-" + first);
      return Optional.empty();
    }
    return Optional.of(new long[] {a.get(), b.get()});
  }

  private static Optional<Long> number(String field, String s, Problems problems) {
    if (s.isEmpty()) {
      problems.add(field, "a range is missing a number at one end: " + SYNTAX);
    } else if (s.startsWith("+")) {
      problems.add(
          field, "'" + s + "' starts with '+', which PortSIP refuses: write " + s.substring(1));
    } else if (Text.foreignDigit(s).isPresent()) {
      problems.add(
          field,
          "'"
              + Text.shown(s)
              + "' has a digit that is not 0-9 ("
              + Text.describe(Text.foreignDigit(s).getAsInt())
              + "): write the number with the digits 0-9");
    } else if (Text.invisible(s).isPresent()) {
      problems.add(
          field,
          "'"
              + Text.shown(s)
              + "' holds an invisible character ("
              + Text.describe(Text.invisible(s).getAsInt())
              + "): write the number with the digits 0-9 only");
    } else if (!s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      problems.add(field, "'" + s + "' is not a phone number: use digits only; " + SYNTAX);
    } else if (s.startsWith("0")) {
      problems.add(
          field,
          "'"
              + s
              + "' starts with "
              + (s.startsWith("00") ? "00" : "0")
              + ", which PortSIP refuses: write the number with its country code and no prefix, e.g. 12027594810");
    } else if (s.length() < MIN_DIGITS || s.length() > MAX_DIGITS) {
      problems.add(
          field,
          "'"
              + s
              + "' has "
              + s.length()
              + " digits: a phone number with its country code has "
              + MIN_DIGITS
              + " to "
              + MAX_DIGITS);
    } else {
      return Optional.of(Long.parseLong(s));
    }
    return Optional.empty();
  }

  /**
   * Sorts and merges non-overlapping ranges; adjacent ranges are joined when their numbers have the
   * same length.
   */
  private static DidPool merged(List<long[]> ranges) {
    List<long[]> sorted = new ArrayList<>(ranges);
    sorted.sort((x, y) -> Long.compare(x[0], y[0]));
    long[] s = new long[sorted.size()];
    long[] e = new long[sorted.size()];
    int n = 0;
    for (long[] r : sorted) {
      if (n > 0 && r[0] <= e[n - 1] + 1 && digits(r[0]) == digits(e[n - 1])) {
        e[n - 1] = Math.max(e[n - 1], r[1]);
      } else {
        s[n] = r[0];
        e[n] = r[1];
        n++;
      }
    }
    return new DidPool(Arrays.copyOf(s, n), Arrays.copyOf(e, n));
  }

  private static int digits(long n) {
    return Long.toString(n).length();
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  /** How many numbers the pool holds. */
  public long size() {
    long size = 0;
    for (int i = 0; i < starts.length; i++) {
      size += ends[i] - starts[i] + 1;
    }
    return size;
  }

  public boolean isEmpty() {
    return starts.length == 0;
  }

  /** How many ranges (a single number is a range of one) the canonical form has. */
  public int rangeCount() {
    return starts.length;
  }

  /**
   * Whether the pool holds this number (digits as the guide writes them; a leading + is ignored).
   */
  public boolean contains(String number) {
    String digits = number.startsWith("+") ? number.substring(1) : number;
    if (digits.isEmpty()
        || digits.length() > MAX_DIGITS
        || digits.startsWith("0")
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    long n = Long.parseLong(digits);
    int i = Arrays.binarySearch(starts, n);
    if (i >= 0) {
      return true;
    }
    int before = -i - 2;
    return before >= 0 && n <= ends[before];
  }

  /** Whether any number is in both pools. O(ranges of both). */
  public boolean overlaps(DidPool other) {
    return !intersect(other).isEmpty();
  }

  /** The numbers in both pools. */
  public DidPool intersect(DidPool other) {
    List<long[]> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < starts.length && j < other.starts.length) {
      long lo = Math.max(starts[i], other.starts[j]);
      long hi = Math.min(ends[i], other.ends[j]);
      if (lo <= hi) {
        out.add(new long[] {lo, hi});
      }
      if (ends[i] < other.ends[j]) {
        i++;
      } else {
        j++;
      }
    }
    return merged(out);
  }

  /** The numbers of this pool that are not in {@code other}. */
  public DidPool minus(DidPool other) {
    List<long[]> out = new ArrayList<>();
    int j = 0;
    for (int i = 0; i < starts.length; i++) {
      long from = starts[i];
      while (j < other.starts.length && other.ends[j] < from) {
        j++;
      }
      int k = j;
      while (from <= ends[i] && k < other.starts.length && other.starts[k] <= ends[i]) {
        if (other.starts[k] > from) {
          out.add(new long[] {from, other.starts[k] - 1});
        }
        from = Math.max(from, other.ends[k] + 1);
        k++;
      }
      if (from <= ends[i]) {
        out.add(new long[] {from, ends[i]});
      }
    }
    return merged(out);
  }

  /** The numbers of both pools. */
  public DidPool union(DidPool other) {
    List<long[]> all = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      all.add(new long[] {starts[i], ends[i]});
    }
    for (int i = 0; i < other.starts.length; i++) {
      all.add(new long[] {other.starts[i], other.ends[i]});
    }
    all.sort((x, y) -> Long.compare(x[0], y[0]));
    List<long[]> disjoint = new ArrayList<>();
    for (long[] r : all) {
      long[] last = disjoint.isEmpty() ? null : disjoint.get(disjoint.size() - 1);
      if (last != null && r[0] <= last[1]) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        disjoint.add(r.clone());
      }
    }
    return merged(disjoint);
  }

  public boolean containsAll(DidPool other) {
    return other.minus(this).isEmpty();
  }

  /** The numbers in E.164 form for Twilio ({@code +12027594810}), lazily. */
  public Iterable<String> e164() {
    return () -> new Numbers("+");
  }

  /** One number in E.164 form. */
  public static String toE164(String number) {
    return number.startsWith("+") ? number : "+" + number;
  }

  /** The numbers as the guide writes them, lazily: memory stays O(ranges). */
  @Override
  public Iterator<String> iterator() {
    return new Numbers("");
  }

  /** The canonical text: sorted, merged, {@code ;}-joined; it parses back to an equal pool. */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(";");
    for (int i = 0; i < starts.length; i++) {
      text.add(starts[i] == ends[i] ? Long.toString(starts[i]) : starts[i] + "-" + ends[i]);
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DidPool p && Arrays.equals(starts, p.starts) && Arrays.equals(ends, p.ends);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(starts) + Arrays.hashCode(ends);
  }

  private final class Numbers implements Iterator<String> {
    private final String prefix;
    private int range;
    private long next = starts.length == 0 ? 0 : starts[0];

    Numbers(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public boolean hasNext() {
      return range < starts.length;
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      long n = next;
      if (n == ends[range]) {
        range++;
        next = range < starts.length ? starts[range] : 0;
      } else {
        next = n + 1;
      }
      return prefix + n;
    }
  }
}
