package dev.trunkbot.trunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Region, TerminationDomain, PbxAddress and OriginationTarget. */
class AddressesTest {
  private static String problem(Runnable parse) {
    try {
      parse.run();
      throw new AssertionError("expected a problem");
    } catch (InvalidInputException e) {
      assertThat(e.problems()).hasSize(1);
      return e.problems().get(0).toString();
    }
  }

  @Test
  void regionsCarryTheirEdgeAndLocalizedTerminationHost() {
    TerminationDomain domain = TerminationDomain.parse("termination", "portsip-pbx");
    assertThat(Region.parse("r", "US1").edge()).isEqualTo("ashburn");
    assertThat(Region.US2.terminationHost(domain))
        .isEqualTo("portsip-pbx.pstn.umatilla.twilio.com");
    assertThat(Region.BR1.edge()).isEqualTo("sao-paulo");
    assertThat(Region.values()).hasSize(8);
    assertThat(problem(() -> Region.parse("origination[0].region", "us3")))
        .startsWith(
            "origination[0].region: 'us3' is not a Twilio region: use one of us1 (Virginia), us2 (Oregon)");
  }

  @Test
  void terminationAcceptsTheLabelOrTheWholeHost() {
    assertThat(TerminationDomain.parse("t", "PortSIP-PBX").host())
        .isEqualTo("portsip-pbx.pstn.twilio.com");
    assertThat(TerminationDomain.parse("t", "portsip-pbx.pstn.twilio.com").label())
        .isEqualTo("portsip-pbx");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-pbx|may not start or end with a hyphen",
        "pbx_1|may hold only letters, digits and hyphens",
        "a.b|must be one label",
        "''|is missing"
      })
  void terminationRefusesWhatTwilioRefuses(String label, String expected) {
    assertThat(problem(() -> TerminationDomain.parse("termination", label))).contains(expected);
  }

  @Test
  void terminationLabelsAreAtMost63Characters() {
    assertThat(problem(() -> TerminationDomain.parse("termination", "a".repeat(64))))
        .contains("has 64 characters");
    assertThat(TerminationDomain.parse("termination", "a".repeat(63)).label()).hasSize(63);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10.1.2.3|is private (10.0.0.0/8)",
        "172.20.0.1|is private (172.16.0.0/12)",
        "192.168.1.20|is private (192.168.0.0/16)",
        "127.0.0.1|is loopback",
        "169.254.10.10|is link-local",
        "100.100.0.1|carrier-grade NAT",
        "224.0.0.5|multicast",
        "0.1.2.3|this network",
        "203.0.113.9|documentation"
      })
  void pbxRefusesNonPublicAddressesSayingWhy(String ip, String why) {
    assertThat(problem(() -> PbxAddress.parse("pbx", ip)))
        .startsWith("pbx: '" + ip + "' ")
        .contains(why)
        .contains("Twilio must reach the PBX");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"151.101.2.3", "8.8.8.8", "172.32.0.1", "pbx.example.com", "PBX.Example.COM"})
  void pbxAcceptsPublicAddressesAndNames(String host) {
    assertThat(PbxAddress.parse("pbx", host).host()).isEqualTo(host.toLowerCase());
  }

  @Test
  void pbxRefusesMalformedAddressesAndLocalNames() {
    assertThat(problem(() -> PbxAddress.parse("pbx", "151.101.2.300")))
        .contains("each of its four parts is 0-255");
    assertThat(problem(() -> PbxAddress.parse("pbx", "pbx")))
        .contains("neither an IPv4 address nor a fully qualified domain name");
    assertThat(problem(() -> PbxAddress.parse("pbx", "pbx.local"))).contains("not a public name");
    assertThat(PbxAddress.parse("pbx", "151.101.2.3").isIpAddress()).isTrue();
    assertThat(PbxAddress.parse("pbx", "pbx.example.com").isIpAddress()).isFalse();
  }

  @Test
  void originationDefaultsAreTheGuides() {
    PbxAddress pbx = PbxAddress.parse("pbx", "151.101.2.3");
    assertThat(OriginationTarget.guideDefaults())
        .extracting(t -> t.sipUrl(pbx) + " " + t.priority() + "/" + t.weight())
        .containsExactly("sip:151.101.2.3;region=us1 10/10", "sip:151.101.2.3;region=us2 20/10");
  }

  @Test
  void originationReportsEachBadFieldAtOnce() {
    assertThatThrownBy(() -> OriginationTarget.parse("origination[1]", "mars", "70000", "0"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::field)
                    .containsExactly(
                        "origination[1].region",
                        "origination[1].priority",
                        "origination[1].weight"));
    assertThat(problem(() -> OriginationTarget.parse("o", "us1", "ten", "10")))
        .contains("'ten' is not a whole number");
    assertThat(OriginationTarget.parse("o", "us1", "0", "65535"))
        .isEqualTo(new OriginationTarget(Region.US1, 0, 65535));
  }
}
