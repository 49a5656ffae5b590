package dev.trunkbot.trunk;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of DidPool checked against a brute-force model (a set of numbers) on small pools. */
class DidPoolProperties {
  private static final long BASE = 12027594800L;

  /**
   * A pool text of disjoint entries drawn from a window of 60 numbers, plus the set it stands for.
   */
  record Sample(String text, Set<Long> numbers) {}

  @Provide
  Arbitrary<Sample> pools() {
    return Arbitraries.integers()
        .between(0, 59)
        .set()
        .ofMinSize(1)
        .ofMaxSize(25)
        .flatMap(
            chosen ->
                Arbitraries.shuffle(rangesOf(new TreeSet<>(chosen)))
                    .map(
                        entries -> {
                          Set<Long> numbers =
                              chosen.stream().map(i -> BASE + i).collect(Collectors.toSet());
                          return new Sample(String.join(";", entries), numbers);
                        }));
  }

  /**
   * Splits a sorted set into runs and writes each run as a number or a range (sometimes split
   * further).
   */
  private static List<String> rangesOf(TreeSet<Integer> chosen) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    Integer start = null;
    Integer prev = null;
    for (int n : chosen) {
      if (start != null && n == prev + 1 && (n % 7 != 0)) {
        prev = n;
        continue;
      }
      if (start != null) {
        out.add(entry(start, prev));
      }
      start = n;
      prev = n;
    }
    out.add(entry(start, prev));
    return out;
  }

  private static String entry(int a, int b) {
    return a == b ? Long.toString(BASE + a) : (BASE + a) + "-" + (BASE + b);
  }

  @Property
  void canonicalFormRoundTrips(@ForAll("pools") Sample sample) {
    DidPool pool = DidPool.parse("dids", sample.text());
    DidPool again = DidPool.parse("dids", pool.toString());
    check(again.equals(pool), sample.text() + " -> " + pool + " -> " + again);
    check(again.toString().equals(pool.toString()), "");
  }

  @Property
  void holdsExactlyTheNumbersWritten(@ForAll("pools") Sample sample) {
    DidPool pool = DidPool.parse("dids", sample.text());
    Set<Long> iterated = new TreeSet<>();
    pool.forEach(n -> iterated.add(Long.parseLong(n)));
    check(iterated.equals(new TreeSet<>(sample.numbers())), sample.text());
    check(pool.size() == sample.numbers().size(), "");
    for (long n = BASE - 2; n < BASE + 62; n++) {
      check(
          pool.contains(Long.toString(n)) == sample.numbers().contains(n),
          n + " in " + sample.text());
    }
  }

  @Property
  void overlapAndSetOperationsAgreeWithBruteForce(
      @ForAll("pools") Sample a, @ForAll("pools") Sample b) {
    DidPool pa = DidPool.parse("a", a.text());
    DidPool pb = DidPool.parse("b", b.text());
    Set<Long> both = new TreeSet<>(a.numbers());
    both.retainAll(b.numbers());
    check(pa.overlaps(pb) == !both.isEmpty(), a.text() + " vs " + b.text());
    check(numbers(pa.intersect(pb)).equals(both), "");
    Set<Long> minus = new TreeSet<>(a.numbers());
    minus.removeAll(b.numbers());
    check(
        numbers(pa.minus(pb)).equals(minus),
        a.text() + " minus " + b.text() + " = " + pa.minus(pb));
    Set<Long> union = new TreeSet<>(a.numbers());
    union.addAll(b.numbers());
    check(numbers(pa.union(pb)).equals(union), "");
    check(pa.containsAll(pb) == a.numbers().containsAll(b.numbers()), "");
  }

  @Property
  void duplicatedEntriesAreAlwaysRefused(@ForAll("pools") Sample sample) {
    String first = sample.text().split(";")[0];
    try {
      DidPool.parse("dids", sample.text() + ";" + first);
      throw new AssertionError("duplicate accepted: " + sample.text() + ";" + first);
    } catch (InvalidInputException expected) {
      check(
          expected.problems().stream()
              .anyMatch(p -> p.message().contains("twice") || p.message().contains("overlaps")),
          "");
    }
  }

  @Provide
  Arbitrary<String> noise() {
    Arbitrary<String> chunks =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("0123456789+-; \n\t,.abcx").ofMaxLength(40),
            Arbitraries.strings().ofMaxLength(30),
            Combinators.combine(
                    Arbitraries.longs().between(-5, 99_999_999_999_999_999L),
                    Arbitraries.longs().between(-5, 99_999_999_999_999_999L))
                .as((x, y) -> x + "-" + y));
    return chunks.list().ofMaxSize(6).map(l -> String.join(";", l));
  }

  @Property(tries = 2000)
  void parsingRandomTextThrowsOnlyTheValidationError(@ForAll("noise") String text) {
    try {
      DidPool pool = DidPool.parse("dids", text);
      check(DidPool.parse("dids", pool.toString()).equals(pool), "");
    } catch (InvalidInputException expected) {
      check(!expected.problems().isEmpty(), "");
    }
  }

  private static void check(boolean condition, Object context) {
    if (!condition) {
      throw new AssertionError("property broken: " + context);
    }
  }

  private static Set<Long> numbers(DidPool pool) {
    Set<Long> out = new TreeSet<>();
    pool.forEach(n -> out.add(Long.parseLong(n)));
    return out;
  }
}
