package dev.trunkbot.specfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trunkbot.trunk.InvalidInputException;
import dev.trunkbot.trunk.TrunkSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Odd input found by trying: each is refused in one line that names the field, says what is wrong
 * and what would be valid, or accepted when it means what it seems to.
 */
class BadInputTest {
  private static final String BASE =
      """
      name: Twilio-Reg-Trunk
      termination: portsip-pbx
      pbx: 151.101.2.3
      dids: "12027594810-12027594815;12027594820"
      tenants:
        acme: "12027594810-12027594815"
        globex: "12027594820"
      maxConcurrentCalls: 30
      """;

  @TempDir Path dir;

  private static List<String> problems(String yaml) {
    try {
      SpecFile.parse(yaml, SpecFile.Format.YAML);
    } catch (InvalidInputException e) {
      return SpecFile.lines(e);
    }
    throw new AssertionError("accepted:\n" + yaml);
  }

  private static TrunkSpec spec(String yaml) {
    return SpecFile.parse(yaml, SpecFile.Format.YAML);
  }

  @Test
  void tenantsDifferingOnlyBySpacesAreOneTenantListedTwice() {
    String yaml =
        BASE.replace(
            "  globex: \"12027594820\"", "  globex: \"12027594820\"\n  \"acme \": \"12027594812\"");
    assertThat(problems(yaml))
        .containsExactly(
            "tenants.acme: listed twice: give each tenant once, with all its DIDs in one pool");
  }

  @Test
  void tenantsDifferingOnlyByCaseAreOneTenantListedTwice() {
    String yaml = BASE.replace("  globex: \"12027594820\"", "  ACME: \"12027594820\"");
    assertThat(problems(yaml)).singleElement().asString().startsWith("tenants.");
    assertThat(problems(yaml).get(0)).contains(": listed twice");
  }

  @Test
  void yamlAliasesAreRefusedNotReadAsTheAnchorsName() {
    String scalar =
        BASE.replace("termination: portsip-pbx", "termination: &label portsip-pbx")
            + "credentials: {username: *label}\n";
    assertThat(problems(scalar))
        .containsExactly(
            "file: is not valid YAML: the alias *label on line 9 is not supported in spec files:"
                + " write the value itself there");
    String mapping =
        BASE.replace("tenants:", "tenants: &pools")
            + "origination: [{region: us1, priority: 10, weight: 10}, *pools]\n";
    assertThat(problems(mapping)).singleElement().asString().contains("the alias *pools on line 9");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "zero width space|Twilio\u200BTrunk|U+200B ZERO WIDTH SPACE",
        "right-to-left override|Twilio\u202ETrunk|U+202E RIGHT-TO-LEFT OVERRIDE",
        "line separator|Twilio\u2028Trunk|U+2028 LINE SEPARATOR",
        "no-break space|Twilio\u00A0Trunk|U+00A0 NO-BREAK SPACE"
      })
  void invisibleAndDirectionChangingCharactersAreRefusedInNames(
      String what, String name, String shown) {
    assertThat(problems(BASE.replace("name: Twilio-Reg-Trunk", "name: \"" + name + "\"")))
        .singleElement()
        .asString()
        .startsWith("name: contains ")
        .contains("(" + shown + ") at character 7")
        .endsWith(": use visible characters and plain spaces only");
    if (what.equals("line separator")) {
      return; // in a key a line separator breaks the line: a YAML syntax error
    }
    assertThat(
            problems(
                BASE.replace(
                    "  globex: \"12027594820\"",
                    "  \"glo" + name.substring(6, 7) + "bex\": \"12027594820\"")))
        .singleElement()
        .asString()
        .startsWith("tenants.glo<U+")
        .contains(shown);
  }

  @Test
  void digitsOtherThanZeroToNineAreRefusedInNumbers() {
    assertThat(
            problems(
                BASE.replace("maxConcurrentCalls: 30", "maxConcurrentCalls: \"\u0663\u0660\"")))
        .containsExactly(
            "maxConcurrentCalls: '\u0663\u0660' has a digit that is not 0-9 (U+0663"
                + " ARABIC-INDIC DIGIT THREE): write the number with the digits 0-9");
    assertThat(problems(BASE.replace("12027594820\"\n", "1202759482\uFF10\"\n")))
        .allSatisfy(
            p ->
                assertThat(p)
                    .contains("has a digit that is not 0-9 (U+FF10 FULLWIDTH DIGIT ZERO)"));
  }

  @Test
  void aNoBreakSpaceInADidListIsWhitespace() {
    TrunkSpec s =
        spec(BASE.replace("12027594815;12027594820\"", "12027594815;\u00A012027594820\u00A0\""));
    assertThat(s.dids().toString()).isEqualTo("12027594810-12027594815;12027594820");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "pbx.example.com.|pbx.example.com",
        "pbx.example.рф|pbx.example.xn--p1ai",
        "pbx.example.xn--p1ai|pbx.example.xn--p1ai",
        "PBX.Bücher.example|pbx.xn--bcher-kva.example"
      })
  void internationalizedNamesAndATrailingDotAreAccepted(String pbx, String stored) {
    assertThat(spec(BASE.replace("pbx: 151.101.2.3", "pbx: " + pbx)).pbx().host())
        .isEqualTo(stored);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"2001:db8::1", "'[2606:4700::6810:84e5]'", "::ffff:151.101.2.3"})
  void anIpv6PbxIsRefusedSayingWhy(String pbx) {
    assertThat(problems(BASE.replace("pbx: 151.101.2.3", "pbx: \"" + pbx + "\"")))
        .singleElement()
        .asString()
        .startsWith("pbx: '")
        .contains(
            "is an IPv6 address: Twilio's IP access control lists and origination URIs take"
                + " IPv4 only");
  }

  @Test
  void aFileInLatin1OrUtf16SaysSo() throws Exception {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(
        latin1,
        BASE.replace("Twilio-Reg-Trunk", "Trunk-café").getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> SpecFile.read(latin1))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(SpecFile.lines(e))
                    .singleElement()
                    .asString()
                    .startsWith("file: '" + latin1 + "' is not UTF-8 text (byte 0xE9 at offset")
                    .endsWith("save it as UTF-8 and try again"));
    Path utf16 = dir.resolve("utf16.yaml");
    Files.write(utf16, BASE.getBytes(StandardCharsets.UTF_16));
    assertThatThrownBy(() -> SpecFile.read(utf16))
        .hasMessage(
            "file: '" + utf16 + "' is UTF-16 text, not UTF-8: save it as UTF-8 and try again");
    Path bom = dir.resolve("bom.yaml");
    Files.write(bom, ("\uFEFF" + BASE).getBytes(StandardCharsets.UTF_8));
    assertThat(SpecFile.read(bom).name()).isEqualTo("Twilio-Reg-Trunk");
  }
}
