package dev.trunkbot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.trunkbot.cli.LayeringViolation;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of DESIGN.md's layering, held by the build: each package uses only what its row allows
 * (of ours), so a forbidden import fails {@code mvn verify}.
 */
class LayeringTest {
  private static final String ROOT = "dev.trunkbot.";
  private static final List<String> ALL =
      List.of(
          "app",
          "cli",
          "slack",
          "service",
          "provisioning",
          "twilio",
          "portsip",
          "port",
          "specfile",
          "workflow",
          "trunk",
          "sandbox");
  private static JavaClasses classes;

  @BeforeAll
  static void importMain() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.trunkbot");
  }

  /** {@code pkg} may use, of ours, only itself and {@code allowed}. */
  static ArchRule uses(String pkg, String... allowed) {
    List<String> forbidden =
        ALL.stream()
            .filter(p -> !p.equals(pkg) && !List.of(allowed).contains(p))
            .map(p -> ROOT + p + "..")
            .toList();
    return noClasses()
        .that()
        .resideInAPackage(ROOT + pkg + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden.toArray(String[]::new))
        .because("DESIGN.md: " + pkg + " may use only " + String.join(", ", allowed));
  }

  @Test
  void frontEndsReachNothingBelowTheService() {
    uses("cli", "service", "trunk", "specfile").check(classes);
    uses("slack", "service", "trunk").allowEmptyShould(true).check(classes);
  }

  @Test
  void aFrontEndImportingTheEngineIsRefused() {
    JavaClasses violating = new ClassFileImporter().importClasses(LayeringViolation.class);
    assertThatThrownBy(() -> uses("cli", "service", "trunk", "specfile").check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LayeringViolation")
        .hasMessageContaining("dev.trunkbot.workflow.RunId");
  }

  @Test
  void theServiceUsesProvisioningTheEngineAndTheDomain() {
    uses("service", "provisioning", "workflow", "trunk").check(classes);
  }

  @Test
  void provisioningTalksToTheVendorsOnlyThroughThePorts() {
    uses("provisioning", "trunk", "workflow", "twilio", "portsip", "port").check(classes);
  }

  @Test
  void adaptersNeverCallEachOther() {
    uses("twilio", "port").check(classes);
    uses("portsip", "port").check(classes);
  }

  @Test
  void theEngineTheDomainAndTheEmulatorsStandAlone() {
    uses("workflow").check(classes);
    uses("trunk").check(classes);
    uses("port").check(classes);
    uses("sandbox").check(classes);
    uses("specfile", "trunk").check(classes);
  }

  @Test
  void theDomainUsesOnlyTheJdk() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + "trunk..", ROOT + "port..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "javax.crypto..", ROOT + "trunk..", ROOT + "port..")
        .because("DESIGN.md: trunk and port are JDK only")
        .check(classes);
  }

  @Test
  void metricsAreWiredOnlyInApp() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + "app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.micrometer..", "io.prometheus..")
        .because("DESIGN.md: adapters and the engine expose observers of their own; app wires them")
        .check(classes);
  }
}
