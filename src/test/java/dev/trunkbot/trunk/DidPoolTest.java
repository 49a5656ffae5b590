package dev.trunkbot.trunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DidPoolTest {
  private static List<String> problems(String text) {
    try {
      DidPool.parse("dids", text);
      throw new AssertionError("expected '" + text + "' to be refused");
    } catch (InvalidInputException e) {
      assertThat(e.problems()).allSatisfy(p -> assertThat(p.field()).isEqualTo("dids"));
      return e.problems().stream().map(Problem::message).toList();
    }
  }

  @Test
  void parsesTheGuidesThreeForms() {
    assertThat(DidPool.parse("dids", "12027594810").size()).isEqualTo(1);
    assertThat(DidPool.parse("dids", "12027594810;12027594815").size()).isEqualTo(2);
    DidPool mixed = DidPool.parse("dids", "12027594810-12027594815;12027594830-12027594845");
    assertThat(mixed.size()).isEqualTo(6 + 16);
    assertThat(mixed.contains("12027594812")).isTrue();
    assertThat(mixed.contains("12027594820")).isFalse();
    assertThat(mixed.contains("+12027594845")).isTrue();
  }

  @Test
  void toleratesSpacesNewlinesAndTrailingSeparators() {
    DidPool pool =
        DidPool.parse("dids", " 12027594810 - 12027594812 ;\n12027594820\r\n12027594821; ");
    assertThat(pool.toString()).isEqualTo("12027594810-12027594812;12027594820-12027594821");
  }

  @Test
  void canonicalFormIsSortedAndMerged() {
    DidPool pool =
        DidPool.parse("dids", "12027594820;12027594813-12027594815;12027594810-12027594812");
    assertThat(pool.toString()).isEqualTo("12027594810-12027594815;12027594820");
    assertThat(DidPool.parse("dids", pool.toString())).isEqualTo(pool);
    assertThat(pool.rangeCount()).isEqualTo(2);
  }

  @Test
  void doesNotMergeAcrossNumberLengths() {
    DidPool pool = DidPool.parse("dids", "99999999;100000000");
    assertThat(pool.toString()).isEqualTo("99999999;100000000");
  }

  @Test
  void rejectsReversedRangesNamingTheFix() {
    assertThat(problems("12027594815-12027594810"))
        .containsExactly(
            "range '12027594815-12027594810' is reversed: write it as 12027594810-12027594815");
  }

  @Test
  void rejectsRangeEndsOfDifferentLength() {
    assertThat(problems("12027594810-2027594815"))
        .singleElement()
        .asString()
        .contains("different lengths (11 and 10 digits)");
  }

  @Test
  void rejectsPlusZeroAndDoubleZeroPrefixes() {
    assertThat(problems("+12027594810"))
        .singleElement()
        .asString()
        .contains("starts with '+'")
        .contains("write 12027594810");
    assertThat(problems("012027594810")).singleElement().asString().contains("starts with 0,");
    assertThat(problems("0012027594810")).singleElement().asString().contains("starts with 00,");
  }

  @Test
  void rejectsNonDigitsAndEmptyPools() {
    assertThat(problems("1202759481O"))
        .singleElement()
        .asString()
        .contains("is not a phone number");
    assertThat(problems(" ; ")).singleElement().asString().startsWith("is empty");
    assertThat(problems("12027594810-")).singleElement().asString().contains("missing a number");
  }

  @Test
  void rejectsDuplicatesAndOverlapsNamingBothEntries() {
    assertThat(problems("12027594810;12027594810"))
        .singleElement()
        .asString()
        .contains("is listed twice");
    assertThat(problems("12027594810-12027594815;12027594812-12027594820"))
        .singleElement()
        .asString()
        .contains("'12027594812-12027594820' overlaps '12027594810-12027594815'");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThat(problems("+12027594810;12027594815-12027594810;abc")).hasSize(3);
  }

  @Test
  void refusesPoolsAboveTheLimitWithTheCount() {
    assertThat(problems("12027500000-12027510000"))
        .containsExactly("holds 10001 numbers; a pool may hold at most 10000");
    assertThat(DidPool.parse("dids", "12027500000-12027509999").size()).isEqualTo(10_000);
    assertThat(DidPool.parse("dids", "12027500000-12027599999", 100_000).size()).isEqualTo(100_000);
  }

  @Test
  void iteratesLazilyInOrderAndConvertsToE164() {
    DidPool pool = DidPool.parse("dids", "12027594820;12027594810-12027594811");
    List<String> numbers = new ArrayList<>();
    pool.forEach(numbers::add);
    assertThat(numbers).containsExactly("12027594810", "12027594811", "12027594820");
    List<String> e164 = new ArrayList<>();
    pool.e164().forEach(e164::add);
    assertThat(e164).containsExactly("+12027594810", "+12027594811", "+12027594820");
    assertThat(DidPool.toE164("12027594810")).isEqualTo("+12027594810");
  }

  @Test
  void setOperationsWorkOnRanges() {
    DidPool a = DidPool.parse("a", "12027594810-12027594820");
    DidPool b = DidPool.parse("b", "12027594815-12027594830");
    assertThat(a.overlaps(b)).isTrue();
    assertThat(a.intersect(b).toString()).isEqualTo("12027594815-12027594820");
    assertThat(a.minus(b).toString()).isEqualTo("12027594810-12027594814");
    assertThat(a.union(b).toString()).isEqualTo("12027594810-12027594830");
    assertThat(a.containsAll(DidPool.parse("c", "12027594811;12027594819"))).isTrue();
    assertThat(a.overlaps(DidPool.parse("d", "12027594821-12027594899"))).isFalse();
  }

  @Test
  void anEmptyPoolIsOnlyReachableThroughSetOperations() {
    assertThat(DidPool.EMPTY.size()).isZero();
    assertThat(DidPool.EMPTY.iterator().hasNext()).isFalse();
    assertThatThrownBy(() -> DidPool.parse("dids", "")).isInstanceOf(InvalidInputException.class);
  }
}
