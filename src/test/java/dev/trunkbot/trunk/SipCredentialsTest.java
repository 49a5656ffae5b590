package dev.trunkbot.trunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

  static java.util.stream.LongStream seeds() {
    return DidPoolProperties.seeds();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedPasswordsAlwaysMeetThePolicy(long seed) throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    for (int i = 0; i < 5; i++) {
      SipCredentials c = SipCredentials.generate("portsip-pbx", random);
      assertThat(SipCredentials.passwordProblem(c.password())).isNull();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void derivedPasswordsMeetThePolicyAndAreStablePerKeyAndTrunk(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 3; i++) {
      byte[] key = new byte[1 + random.nextInt(48)];
      random.nextBytes(key);
      StringBuilder trunk = new StringBuilder();
      for (int c = 1 + random.nextInt(20); c > 0; c--) {
        trunk.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
      }
      SipCredentials first = SipCredentials.derive("portsip-pbx", key, trunk.toString());
      assertThat(SipCredentials.passwordProblem(first.password())).as(trunk.toString()).isNull();
      assertThat(SipCredentials.derive("portsip-pbx", key, trunk.toString()))
          .as("the same key and trunk give one password")
          .isEqualTo(first);
    }
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
