package dev.trunkbot.portsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortSipConfigTest {
  private static Map<String, String> env(String... pairs) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "PORTSIP_URL",
                "https://pbx.example.com:8887",
                "PORTSIP_USERNAME",
                "admin",
                "PORTSIP_PASSWORD",
                "Sup3r-Secret"));
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void readsTheEnvironmentAndAppendsApi() {
    PortSipConfig c = PortSipConfig.fromEnvironment(env());
    assertThat(c.apiBase()).isEqualTo(URI.create("https://pbx.example.com:8887/api"));
    assertThat(c.systemAdmin()).isTrue();
    assertThat(c.login()).isEqualTo(PortSipConfig.LoginApi.AUTO);
    assertThat(
            PortSipConfig.fromEnvironment(env("PORTSIP_URL", "https://pbx.example.com:8887/api/"))
                .apiBase())
        .isEqualTo(URI.create("https://pbx.example.com:8887/api"));
    PortSipConfig tenant =
        PortSipConfig.fromEnvironment(
            env("PORTSIP_DOMAIN", "acme.example.com", "PORTSIP_LOGIN_API", "login"));
    assertThat(tenant.domain()).isEqualTo(Optional.of("acme.example.com"));
    assertThat(tenant.systemAdmin()).isFalse();
    assertThat(tenant.login()).isEqualTo(PortSipConfig.LoginApi.LEGACY);
  }

  @Test
  void toStringNeverShowsThePassword() {
    assertThat(PortSipConfig.fromEnvironment(env()).toString())
        .doesNotContain("Sup3r-Secret")
        .contains("****");
  }

  @Test
  void aMissingOrInvalidSettingNamesTheVariable() {
    Map<String, String> noUrl = env();
    noUrl.remove("PORTSIP_URL");
    assertThatThrownBy(() -> PortSipConfig.fromEnvironment(noUrl))
        .hasMessageStartingWith("PORTSIP_URL is not set");
    Map<String, String> noPassword = env();
    noPassword.put("PORTSIP_PASSWORD", " ");
    assertThatThrownBy(() -> PortSipConfig.fromEnvironment(noPassword))
        .hasMessage("PORTSIP_PASSWORD is not set");
    assertThatThrownBy(
            () -> PortSipConfig.fromEnvironment(env("PORTSIP_URL", "pbx.example.com:8887")))
        .hasMessageContaining("PORTSIP_URL must start with https://");
    assertThatThrownBy(
            () -> PortSipConfig.fromEnvironment(env("PORTSIP_CA_FILE", "/no/such/ca.pem")))
        .hasMessageContaining("PORTSIP_CA_FILE '/no/such/ca.pem' is not a readable file");
    assertThatThrownBy(() -> PortSipConfig.fromEnvironment(env("PORTSIP_LOGIN_API", "oauth")))
        .hasMessageContaining("PORTSIP_LOGIN_API must be auto, sign_in");
  }

  @Test
  void registerTrunkToStringHidesThePassword() {
    RegisterTrunk t =
        RegisterTrunk.of("t", "x.pstn.twilio.com", Transport.TLS, "user", "Sup3r-Secret", 5);
    assertThat(t.port()).isEqualTo(5061);
    assertThat(t.toString()).doesNotContain("Sup3r-Secret");
    assertThatThrownBy(() -> RegisterTrunk.of("t", "x", Transport.UDP, "u", "p", -1))
        .hasMessageContaining("concurrency");
  }
}
