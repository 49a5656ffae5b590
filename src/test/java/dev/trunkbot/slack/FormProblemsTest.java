package dev.trunkbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trunkbot.trunk.InvalidInputException;
import dev.trunkbot.trunk.Problem;
import dev.trunkbot.trunk.TrunkDraft;
import dev.trunkbot.trunk.TrunkSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The domain's problems land under the form's inputs, whatever field they name. */
class FormProblemsTest {
  private static List<Problem> problems(TrunkDraft draft) {
    try {
      TrunkSpec.from(draft);
      return List.of();
    } catch (InvalidInputException e) {
      return e.problems();
    }
  }

  @Test
  void eachFieldOfTheDomainHasItsInput() {
    TrunkDraft draft =
        new TrunkDraft(
            "",
            "bad..label",
            "127.0.0.1",
            List.of(
                new TrunkDraft.Origination("us1", "x", "10"),
                new TrunkDraft.Origination("us1", "20", "0")),
            "12027594810",
            "system",
            Map.of("acme", "12027594811", "globex", "12027594810"),
            "",
            "0",
            "no spaces allowed",
            "");
    Map<String, String> errors = FormProblems.errors(problems(draft));
    assertThat(errors)
        .containsKeys(
            TrunkForm.NAME,
            TrunkForm.TERMINATION,
            TrunkForm.PBX,
            TrunkForm.PRIMARY_PRIORITY,
            TrunkForm.SECONDARY_WEIGHT,
            TrunkForm.TENANTS,
            TrunkForm.MAX_CALLS,
            TrunkForm.USERNAME);
    assertThat(errors.get(TrunkForm.NAME)).startsWith("The trunk name is missing");
    assertThat(errors.get(TrunkForm.TENANTS)).contains("Tenant acme", "not among the trunk's dids");
    assertThat(errors.values()).allMatch(m -> m.length() <= 1_000);
  }

  @Test
  void aRegionGivenTwiceIsShownUnderTheSecondary() {
    TrunkDraft draft =
        new TrunkDraft(
            "T",
            "t",
            "151.101.2.3",
            List.of(
                new TrunkDraft.Origination("us1", "10", "10"),
                new TrunkDraft.Origination("us1", "20", "10")),
            "12027594810",
            "system",
            Map.of("acme", "12027594810"),
            "",
            "5",
            "",
            "");
    assertThat(FormProblems.errors(problems(draft)))
        .containsOnlyKeys(TrunkForm.SECONDARY_REGION)
        .hasValueSatisfying(
            new org.assertj.core.api.Condition<>(
                m -> m.contains("us1 is listed twice"), "names the region"));
  }

  @Test
  void tenantLinesTakeColonOrEquals() {
    assertThat(FormInput.tenants("acme: 1-2\n\n globex=3 \nacme:4"))
        .containsEntry("acme", "1-2;4")
        .containsEntry("globex", "3")
        .hasSize(2);
  }
}
