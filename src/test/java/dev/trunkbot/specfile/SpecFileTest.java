package dev.trunkbot.specfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trunkbot.trunk.InvalidInputException;
import dev.trunkbot.trunk.Problem;
import dev.trunkbot.trunk.TrunkScope;
import dev.trunkbot.trunk.TrunkSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecFileTest {
  private static final String SYSTEM =
      """
            name: Twilio-Reg-Trunk
            termination: portsip-pbx
            pbx: 151.101.2.3
            dids: "12027594810-12027594815;12027594820"
            level: system
            tenants:
              acme: "12027594810-12027594815"
              globex: "12027594820"
            maxConcurrentCalls: 30
            credentials:
              username: portsip-pbx
            """;

  private static List<String> problems(String yaml) {
    try {
      SpecFile.parse(yaml, SpecFile.Format.YAML);
      throw new AssertionError("expected problems in:\n" + yaml);
    } catch (InvalidInputException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }

  @Test
  void readsTheShippedExamples() {
    TrunkSpec system = SpecFile.read(Path.of("examples/system-trunk.yaml"));
    assertThat(system.scope())
        .isInstanceOfSatisfying(
            TrunkScope.SystemLevel.class,
            s -> assertThat(s.tenants()).containsOnlyKeys("acme", "globex"));
    assertThat(system.terminationHost()).isEqualTo("portsip-pbx.pstn.twilio.com");
    TrunkSpec tenant = SpecFile.read(Path.of("examples/tenant-trunk.yaml"));
    assertThat(tenant.scope()).isEqualTo(new TrunkScope.TenantLevel("acme"));
    assertThat(tenant.credentials().username()).isEqualTo("acme-pbx");
    assertThat(tenant.origination()).hasSize(2);
  }

  @Test
  void writtenSpecsReadBackEqualInBothFormats() {
    TrunkSpec spec = SpecFile.parse(SYSTEM, SpecFile.Format.YAML);
    for (SpecFile.Format format : SpecFile.Format.values()) {
      String text = SpecFile.write(spec, format);
      assertThat(SpecFile.parse(text, format)).as(format + ":\n" + text).isEqualTo(spec);
    }
  }

  @Test
  void thePasswordIsNeverWritten() {
    TrunkSpec spec =
        SpecFile.parse(
            SYSTEM.replace(
                "username: portsip-pbx", "username: portsip-pbx\n  password: Str0ngPassw0rd"),
            SpecFile.Format.YAML);
    assertThat(spec.credentials().password()).contains("Str0ngPassw0rd");
    assertThat(SpecFile.write(spec, SpecFile.Format.YAML)).doesNotContain("Str0ngPassw0rd");
    assertThat(SpecFile.write(spec, SpecFile.Format.JSON)).doesNotContain("Str0ngPassw0rd");
    assertThat(spec.toString()).doesNotContain("Str0ngPassw0rd");
  }

  @Test
  void unknownKeysAreNamedWithASuggestion() {
    assertThat(problems(SYSTEM + "tennants: {}\nextra: 1\n"))
        .containsExactly(
            "tennants: is not a known key (did you mean 'tenants'?); known keys here: name, termination, pbx, origination,"
                + " dids, level, tenants, tenant, maxConcurrentCalls, credentials",
            "extra: is not a known key; known keys here: name, termination, pbx, origination, dids, level, tenants,"
                + " tenant, maxConcurrentCalls, credentials");
    assertThat(problems(SYSTEM.replace("username: portsip-pbx", "user: x")))
        .singleElement()
        .asString()
        .startsWith("credentials.user: is not a known key (did you mean 'username'?)");
  }

  @Test
  void reportsEveryProblemOfTheIssuesBrokenSpecAtOnce() {
    assertThat(
            problems(
                """
                name: Broken
                termination: broken-pbx
                pbx: 192.168.1.20
                dids: "12027594815-12027594810;12027594820-12027594830"
                tenants:
                  acme: "12027594820-12027594825"
                  globex: "12027594825-12027594830"
                maxConcurrentCalls: 30
                """))
        .containsExactly(
            "pbx: '192.168.1.20' is private (192.168.0.0/16): Twilio must reach the PBX, so give its public static IP",
            "dids: range '12027594815-12027594810' is reversed: write it as 12027594810-12027594815",
            "tenants.globex: overlaps tenants.acme on 12027594825: a DID belongs to one tenant only");
  }

  @Test
  void tenantPoolsMustLieWithinTheTrunksDids() {
    assertThat(
            problems(
                SYSTEM.replace("globex: \"12027594820\"", "globex: \"12027594820-12027594822\"")))
        .containsExactly(
            "tenants.globex: 12027594821-12027594822 are not among the trunk's dids:"
                + " a tenant's pool must be part of dids");
  }

  @Test
  void numbersAreReadAsWrittenNotAsYamlNumbers() {
    assertThat(
            problems(
                SYSTEM.replace(
                    "dids: \"12027594810-12027594815;12027594820\"", "dids: +12027594810")))
        .anySatisfy(p -> assertThat(p).startsWith("dids: '+12027594810' starts with '+'"));
  }

  @Test
  void levelsAndTheirKeysMustAgree() {
    assertThat(problems(SYSTEM.replace("level: system", "level: tenant")))
        .containsExactly(
            "tenants: is for system level only: at tenant level give 'tenant: NAME', which owns all the dids",
            "tenant: is missing: give the tenant's name in PortSIP (1-64 letters, digits, '.', '_' or '-')");
    assertThat(problems(SYSTEM.replace("level: system", "level: global")))
        .singleElement()
        .asString()
        .startsWith("level: 'global' is not a level");
  }

  @Test
  void wrongShapesAndBadSyntaxAreNamed() {
    assertThat(problems(SYSTEM + "origination: us1\n"))
        .singleElement()
        .asString()
        .startsWith("origination: must be a list");
    assertThat(problems(SYSTEM.replace("maxConcurrentCalls: 30", "maxConcurrentCalls: [30]")))
        .singleElement()
        .asString()
        .isEqualTo("maxConcurrentCalls: must be a single value, not a list");
    assertThat(problems("name: [unclosed"))
        .singleElement()
        .asString()
        .startsWith("file: is not valid YAML");
    assertThat(problems(SYSTEM + "name: again\n"))
        .singleElement()
        .asString()
        .startsWith("file: is not valid YAML")
        .contains("Duplicate field 'name'");
  }

  @Test
  void missingFieldsAreEachReported() {
    assertThat(problems("level: system\n"))
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactly("name", "termination", "pbx", "dids", "maxConcurrentCalls", "tenants");
  }

  @Test
  void aMissingFileIsAProblemOfTheFileField() {
    try {
      SpecFile.read(Path.of("examples/nope.yaml"));
      throw new AssertionError("read a missing file");
    } catch (InvalidInputException e) {
      assertThat(e.problems())
          .singleElement()
          .hasToString("file: 'examples/nope.yaml' does not exist");
    }
  }
}
