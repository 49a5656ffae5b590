package dev.trunkbot.trunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of DidPool checked against a brute-force model (a set of numbers) on small pools, with
 * seeded random cases. Each seed is one test named by it; replay a failure with {@code mvn test
 * -Dtest=DidPoolProperties -Ddidpool.seed=SEED -Ddidpool.seeds=1}.
 */
class DidPoolProperties {
  private static final long BASE = 12027594800L;
  private static final int SAMPLES_PER_SEED = 10;

  /** A pool text of disjoint entries from a window of 60 numbers, and the set it stands for. */
  record Sample(String text, Set<Long> numbers) {}

  static LongStream seeds() {
    long first = Long.getLong("didpool.seed", 20261128L);
    return LongStream.range(first, first + Long.getLong("didpool.seeds", 100L));
  }

  static Sample pool(Random random) {
    TreeSet<Integer> chosen = new TreeSet<>();
    int size = 1 + random.nextInt(25);
    while (chosen.size() < size) {
      chosen.add(random.nextInt(60));
    }
    List<String> entries = rangesOf(chosen);
    Collections.shuffle(entries, random);
    Set<Long> numbers = new TreeSet<>();
    chosen.forEach(i -> numbers.add(BASE + i));
    return new Sample(String.join(";", entries), numbers);
  }

  /** Splits a sorted set into runs, each written as a number or a range (some split further). */
  private static List<String> rangesOf(TreeSet<Integer> chosen) {
    List<String> out = new ArrayList<>();
    Integer start = null;
    Integer prev = null;
    for (int n : chosen) {
      if (start != null && n == prev + 1 && n % 7 != 0) {
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

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void canonicalFormRoundTrips(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < SAMPLES_PER_SEED; i++) {
      Sample sample = pool(random);
      DidPool pool = DidPool.parse("dids", sample.text());
      DidPool again = DidPool.parse("dids", pool.toString());
      assertThat(again).as("seed %d: %s -> %s", seed, sample.text(), pool).isEqualTo(pool);
      assertThat(again.toString()).isEqualTo(pool.toString());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void holdsExactlyTheNumbersWritten(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < SAMPLES_PER_SEED; i++) {
      Sample sample = pool(random);
      DidPool pool = DidPool.parse("dids", sample.text());
      assertThat(numbers(pool)).as("seed %d: %s", seed, sample.text()).isEqualTo(sample.numbers());
      assertThat(pool.size())
          .as("seed %d: %s", seed, sample.text())
          .isEqualTo(sample.numbers().size());
      for (long n = BASE - 2; n < BASE + 62; n++) {
        assertThat(pool.contains(Long.toString(n)))
            .as("seed %d: %d in %s", seed, n, sample.text())
            .isEqualTo(sample.numbers().contains(n));
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void overlapAndSetOperationsAgreeWithBruteForce(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < SAMPLES_PER_SEED; i++) {
      Sample a = pool(random);
      Sample b = pool(random);
      DidPool pa = DidPool.parse("a", a.text());
      DidPool pb = DidPool.parse("b", b.text());
      String pair = "seed " + seed + ": " + a.text() + " vs " + b.text();
      Set<Long> both = new TreeSet<>(a.numbers());
      both.retainAll(b.numbers());
      assertThat(pa.overlaps(pb)).as(pair).isEqualTo(!both.isEmpty());
      assertThat(numbers(pa.intersect(pb))).as(pair).isEqualTo(both);
      Set<Long> minus = new TreeSet<>(a.numbers());
      minus.removeAll(b.numbers());
      assertThat(numbers(pa.minus(pb))).as(pair).isEqualTo(minus);
      Set<Long> union = new TreeSet<>(a.numbers());
      union.addAll(b.numbers());
      assertThat(numbers(pa.union(pb))).as(pair).isEqualTo(union);
      assertThat(pa.containsAll(pb)).as(pair).isEqualTo(a.numbers().containsAll(b.numbers()));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void duplicatedEntriesAreAlwaysRefused(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < SAMPLES_PER_SEED; i++) {
      Sample sample = pool(random);
      String text = sample.text() + ";" + sample.text().split(";")[0];
      assertThatThrownBy(() -> DidPool.parse("dids", text))
          .as("seed %d: %s", seed, text)
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.problems())
                      .anyMatch(
                          p -> p.message().contains("twice") || p.message().contains("overlaps")));
    }
  }

  /** Up to six chunks of digits and punctuation, any text, or two numbers joined by a dash. */
  static String noise(Random random) {
    List<String> chunks = new ArrayList<>();
    int n = random.nextInt(7);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(3)) {
        case 0 -> chunks.add(text(random, "0123456789+-; \n\t,.abcx", 40));
        case 1 -> chunks.add(anyText(random, 30));
        default -> chunks.add(anyLong(random) + "-" + anyLong(random));
      }
    }
    return String.join(";", chunks);
  }

  private static String text(Random random, String alphabet, int maxLength) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static String anyText(Random random, int maxLength) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      s.appendCodePoint(random.nextInt(0x3000));
    }
    return s.toString();
  }

  private static long anyLong(Random random) {
    return random.nextBoolean()
        ? 12027594800L + random.nextInt(100)
        : -5 + (long) (random.nextDouble() * 100_000_000_000_000_000L);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void parsingRandomTextThrowsOnlyTheValidationError(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < SAMPLES_PER_SEED * 2; i++) {
      String text = noise(random);
      try {
        DidPool pool = DidPool.parse("dids", text);
        assertThat(DidPool.parse("dids", pool.toString()))
            .as("seed %d: %s", seed, text)
            .isEqualTo(pool);
      } catch (InvalidInputException expected) {
        assertThat(expected.problems()).as("seed %d: %s", seed, text).isNotEmpty();
      }
    }
  }

  private static Set<Long> numbers(DidPool pool) {
    Set<Long> out = new TreeSet<>();
    pool.forEach(n -> out.add(Long.parseLong(n)));
    return out;
  }
}
