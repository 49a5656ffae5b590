package dev.trunkbot.trunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SipCredentialsTest {
  @Test
  void toStringNeverShowsThePassword() {
    SipCredentials c = SipCredentials.of("credentials", "portsip-pbx", "Sup3rSecretPass");
    assertThat(c.toString()).contains("portsip-pbx").doesNotContain("Sup3rSecretPass");
    assertThat(new CredentialsSpec("u", java.util.Optional.of("Sup3rSecretPass")).toString())
        .doesNotContain("Sup3r");
  }

  @Test
  void refusesPasswordsBelowTwiliosPolicyListingWhatIsMissingWithoutQuotingIt() {
    assertThatThrownBy(() -> SipCredentials.of("credentials", "pbx", "short1"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.problems())
                  .singleElement()
                  .satisfies(
                      p -> {
                        assertThat(p.field()).isEqualTo("credentials.password");
                        assertThat(p.message())
                            .contains("at least 12 characters (it has 6)")
                            .contains("an upper-case letter")
                            .doesNotContain("short1");
                      });
            });
    assertThatThrownBy(() -> SipCredentials.of("credentials", "pbx", "alllowercaseletters"))
        .hasMessageContaining("a digit")
        .hasMessageContaining("an upper-case letter");
  }

  @Test
  void refusesBadUsernames() {
    assertThatThrownBy(() -> SipCredentials.checkUsername("credentials.username", "a".repeat(33)))
        .hasMessageContaining("1-32 characters")
        .hasMessageContaining("(it has 33)");
    assertThatThrownBy(() -> SipCredentials.checkUsername("credentials.username", "pbx user"))
        .hasMessageContaining("letters, digits");
  }

  @Property(tries = 500)
  void generatedPasswordsAlwaysMeetThePolicy(@ForAll @LongRange(min = 0) long seed)
      throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    SipCredentials c = SipCredentials.generate("portsip-pbx", random);
    if (SipCredentials.passwordProblem(c.password()) != null) {
      throw new AssertionError(
          "generated password breaks the policy: " + SipCredentials.passwordProblem(c.password()));
    }
  }

  @Property(tries = 300)
  void derivedPasswordsMeetThePolicyAndAreStablePerKeyAndTrunk(
      @ForAll byte[] key, @ForAll("labels") String trunk) {
    byte[] k = key.length == 0 ? new byte[] {1} : key;
    SipCredentials first = SipCredentials.derive("portsip-pbx", k, trunk);
    if (SipCredentials.passwordProblem(first.password()) != null) {
      throw new AssertionError(
          "derived password breaks the policy: "
              + SipCredentials.passwordProblem(first.password()));
    }
    if (!first.equals(SipCredentials.derive("portsip-pbx", k, trunk))) {
      throw new AssertionError("the same key and trunk gave two passwords");
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> labels() {
    return net.jqwik.api.Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20);
  }

  @Test
  void derivedPasswordsDifferPerTrunkAndPerKey() {
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes();
    String a = SipCredentials.derive("u", key, "a.pstn.twilio.com").password();
    assertThat(SipCredentials.derive("u", key, "b.pstn.twilio.com").password()).isNotEqualTo(a);
    assertThat(
            SipCredentials.derive(
                    "u", "another key, another password..".getBytes(), "a.pstn.twilio.com")
                .password())
        .isNotEqualTo(a);
  }

  @Test
  void generatedPasswordsDiffer() {
    SecureRandom random = new SecureRandom();
    assertThat(SipCredentials.generate("u", random).password())
        .isNotEqualTo(SipCredentials.generate("u", random).password());
  }
}
