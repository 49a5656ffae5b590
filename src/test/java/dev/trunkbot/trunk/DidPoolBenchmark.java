package dev.trunkbot.trunk;

import java.util.Arrays;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Prints how long DidPool takes on a 10,000-number range. Not part of the default run (surefire
 * only picks *Test, *Tests and *Properties): {@code mvn -B test -Dtest=DidPoolBenchmark}.
 */
class DidPoolBenchmark {
  private static final String RANGE = "12027500000-12027509999";
  private static final String MIXED = "12027500000-12027504999;12027505001-12027509999;12027600000";
  private static long sink;

  @Test
  void printFigures() {
    DidPool range = DidPool.parse("dids", RANGE);
    DidPool other = DidPool.parse("other", "12027509990-12027519989");
    String canonical = DidPool.parse("dids", MIXED).toString();
    System.out.printf(
        "DidPool benchmark on a %d-number range (median and p99 of 20 batches, ns per operation)%n",
        range.size());
    report("parse 10,000-number range", () -> DidPool.parse("dids", RANGE).size());
    report("parse 3 entries, 10,000 numbers", () -> DidPool.parse("dids", MIXED).size());
    report("canonical text (toString)", () -> range.toString().length());
    report("re-parse canonical text", () -> DidPool.parse("dids", canonical).rangeCount());
    report("overlaps(other range)", () -> range.overlaps(other) ? 1 : 0);
    report("contains(number)", () -> range.contains("12027505000") ? 1 : 0);
    report(
        "iterate all 10,000 numbers",
        () -> {
          long n = 0;
          for (String s : range) {
            n += s.length();
          }
          return n;
        });
    System.out.println("(sink " + sink + ")");
  }

  private static void report(String name, LongSupplier op) {
    for (int i = 0; i < 20_000; i++) {
      sink += op.getAsLong();
    }
    int batches = 20;
    int perBatch = 2_000;
    double[] nanos = new double[batches];
    for (int b = 0; b < batches; b++) {
      long start = System.nanoTime();
      for (int i = 0; i < perBatch; i++) {
        sink += op.getAsLong();
      }
      nanos[b] = (System.nanoTime() - start) / (double) perBatch;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "  %-34s median %10.0f ns   p99 %10.0f ns   (%.4f ms)%n",
        name, nanos[batches / 2], nanos[batches - 1], nanos[batches / 2] / 1e6);
  }
}
