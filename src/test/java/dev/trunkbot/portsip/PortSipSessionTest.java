package dev.trunkbot.portsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trunkbot.sandbox.PortSipEmulator;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Login, token renewal, re-login and retries of the client, against the emulator, with time moved
 * by hand.
 */
class PortSipSessionTest extends PortSipEmulatorFixture {

  @Test
  void renewsTheTokenWithTheRefreshTokenBeforeItExpiresMidRun() throws IOException {
    start(PortSipEmulator.builder().tokenLifetime(Duration.ofSeconds(1800)), Optional.empty());
    String id = client.ensureRegisterTrunk(TRUNK).value();
    clock.advance(Duration.ofSeconds(1750)); // inside the last minute of the token's life
    assertThat(client.status(id)).isEqualTo(TrunkStatus.ONLINE);
    clock.advance(Duration.ofSeconds(1790));
    assertThat(client.status(id)).isEqualTo(TrunkStatus.ONLINE);

    assertThat(count("POST", "auth.sign_in")).isEqualTo(1);
    assertThat(count("POST", "auth.refresh_token")).isEqualTo(2);
    assertThat(pbx.requests().count(e -> e.status() == 401)).isZero();
  }

  @Test
  void logsInAgainWhenTheRefreshTokenIsRefused() throws IOException {
    start(PortSipEmulator.builder().tokenLifetime(Duration.ofSeconds(600)), Optional.empty());
    client.ensureRegisterTrunk(TRUNK);
    clock.advance(Duration.ofDays(30)); // the refresh token has expired as well
    assertThat(client.readTrunk(TRUNK.name())).isPresent();
    assertThat(count("POST", "auth.refresh_token")).isEqualTo(1);
    assertThat(count("POST", "auth.sign_in")).isEqualTo(2);
  }

  @Test
  void logsInOnceAgainOnA401() throws IOException {
    start(PortSipEmulator.builder(), Optional.empty());
    String id = client.ensureRegisterTrunk(TRUNK).value();
    pbx.revokeTokens(); // e.g. the PBX restarted
    assertThat(client.status(id)).isEqualTo(TrunkStatus.ONLINE);
    assertThat(count("POST", "auth.sign_in")).isEqualTo(2);
    assertThat(count("GET", "providers.status")).isEqualTo(2);
  }

  @Test
  void fallsBackToLoginOnAPbxWithoutSignIn() throws IOException {
    start(
        PortSipEmulator.builder().legacyLoginOnly(true).tokenLifetime(Duration.ofSeconds(1800)),
        Optional.empty());
    String id = client.ensureRegisterTrunk(TRUNK).value();
    clock.advance(Duration.ofSeconds(1790));
    assertThat(client.status(id)).isEqualTo(TrunkStatus.ONLINE);

    assertThat(count("POST", "auth.sign_in")).isEqualTo(1); // tried once, 404, remembered
    assertThat(count("POST", "login")).isEqualTo(2); // first login, then renewal by a new login
  }

  @Test
  void explainsThatTwoFactorLoginCannotBeAutomated() throws IOException {
    start(PortSipEmulator.builder().twoFactor(true), Optional.empty());
    assertThatThrownBy(() -> client.status("x"))
        .isInstanceOfSatisfying(
            PortSipException.class,
            e -> assertThat(e.reason()).isEqualTo(PortSipException.Reason.TWO_FACTOR_REQUIRED))
        .hasMessageContaining("two-factor login enabled")
        .hasMessageContaining("PORTSIP_USERNAME");
  }

  @Test
  void aRefusedLoginSurfacesThePbxMessageWithoutThePassword() throws IOException {
    pbx =
        PortSipEmulator.builder()
            .clock(clock)
            .credentials(new PortSipEmulator.Credentials("admin", "the-right-one"))
            .start(0);
    client = client(Optional.empty());
    assertThatThrownBy(() -> client.status("x"))
        .isInstanceOfSatisfying(
            PortSipFailure.class,
            f -> {
              assertThat(f.status()).isEqualTo(400);
              assertThat(f.code()).isEqualTo("UNAUTHORIZED");
              assertThat(f.pbxMessage()).isEqualTo("invalid username, password or domain");
            })
        .hasMessageContaining("login as 'admin'")
        .hasMessageNotContaining(PortSipEmulator.SANDBOX_PASSWORD);
  }

  @Test
  void retries503WithBackoffAndGivesUpAfterTheLastAttempt() throws IOException {
    start(PortSipEmulator.builder(), Optional.empty());
    client.ensureRegisterTrunk(TRUNK);
    pbx.faults().on("providers.list").failNth(1, 503);
    assertThat(client.readTrunk(TRUNK.name())).isPresent();
    assertThat(sleeps).hasSize(1);

    pbx.faults().on("providers.list").errorRate(1.0, 503);
    sleeps.clear();
    assertThatThrownBy(() -> client.readTrunk(TRUNK.name()))
        .isInstanceOfSatisfying(PortSipFailure.class, f -> assertThat(f.status()).isEqualTo(503));
    // the standard 6 tries; jitter fixed at 0.5: three quarters of 250 ms, 500 ms, 1 s, 2 s, 4 s
    assertThat(sleeps)
        .containsExactly(
            Duration.ofMillis(187),
            Duration.ofMillis(375),
            Duration.ofMillis(750),
            Duration.ofMillis(1500),
            Duration.ofMillis(3000));
  }

  @Test
  void honoursRetryAfterOfTheRateLimit() throws IOException {
    start(PortSipEmulator.builder().rateLimitPerMinute(4), Optional.empty());
    String id = client.ensureRegisterTrunk(TRUNK).value(); // sign_in, list, create: 3 of 4
    assertThat(client.status(id)).isEqualTo(TrunkStatus.ONLINE); // 4 of 4
    assertThat(client.status(id))
        .isEqualTo(TrunkStatus.ONLINE); // 429, waits for the next minute, then answered
    assertThat(sleeps).containsExactly(Duration.ofSeconds(60));
    assertThat(pbx.requests().count(e -> e.status() == 429)).isEqualTo(1);
  }

  @Test
  void doesNotRetryAClientError() throws IOException {
    start(PortSipEmulator.builder(), Optional.empty());
    assertThatThrownBy(() -> client.status("no-such-id"))
        .isInstanceOfSatisfying(PortSipFailure.class, f -> assertThat(f.status()).isEqualTo(404));
    assertThat(sleeps).isEmpty();
    assertThat(count("GET", "providers.status")).isEqualTo(1);
  }
}
