package dev.trunkbot.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwilioConfigTest {
  private static final String AC = "AC0123456789abcdef0123456789abcdef";
  private static final String SK = "SK" + "0123456789abcdef".repeat(2);

  @Test
  void noAccountMeansNoConfigSoTheSandboxRuns() {
    assertThat(TwilioConfig.fromEnvironment(Map.of())).isEmpty();
  }

  @Test
  void accountSidAndAuthToken() {
    TwilioConfig c =
        TwilioConfig.fromEnvironment(Map.of("TWILIO_ACCOUNT_SID", AC, "TWILIO_AUTH_TOKEN", "tok3n"))
            .orElseThrow();
    assertThat(c).isEqualTo(new TwilioConfig(AC, AC, "tok3n", Optional.empty()));
    assertThat(c.toString()).doesNotContain("tok3n");
  }

  @Test
  void anApiKeyWinsOverTheAuthTokenAndTheBaseUrlIsKept() {
    TwilioConfig c =
        TwilioConfig.fromEnvironment(
                Map.of(
                    "TWILIO_ACCOUNT_SID",
                    AC,
                    "TWILIO_AUTH_TOKEN",
                    "tok3n",
                    "TWILIO_API_KEY",
                    SK,
                    "TWILIO_API_SECRET",
                    "s3cret",
                    "TRUNKBOT_TWILIO_BASE_URL",
                    "http://127.0.0.1:8080"))
            .orElseThrow();
    assertThat(c)
        .isEqualTo(
            new TwilioConfig(AC, SK, "s3cret", Optional.of(URI.create("http://127.0.0.1:8080"))));
    assertThat(c.toString()).doesNotContain("s3cret");
  }

  @Test
  void wrongOrIncompleteSettingsNameTheVariable() {
    assertThatThrownBy(() -> TwilioConfig.fromEnvironment(Map.of("TWILIO_AUTH_TOKEN", "tok3n")))
        .hasMessageContaining("TWILIO_ACCOUNT_SID");
    assertThatThrownBy(() -> TwilioConfig.fromEnvironment(Map.of("TWILIO_ACCOUNT_SID", AC)))
        .hasMessageContaining("TWILIO_AUTH_TOKEN");
    assertThatThrownBy(
            () ->
                TwilioConfig.fromEnvironment(
                    Map.of("TWILIO_ACCOUNT_SID", "AC123", "TWILIO_AUTH_TOKEN", "t")))
        .hasMessageContaining("TWILIO_ACCOUNT_SID")
        .hasMessageContaining("32");
    assertThatThrownBy(
            () ->
                TwilioConfig.fromEnvironment(
                    Map.of("TWILIO_ACCOUNT_SID", AC, "TWILIO_API_KEY", SK)))
        .hasMessageContaining("TWILIO_API_SECRET");
    assertThatThrownBy(
            () ->
                TwilioConfig.fromEnvironment(
                    Map.of(
                        "TWILIO_ACCOUNT_SID",
                        AC,
                        "TWILIO_AUTH_TOKEN",
                        "t",
                        "TRUNKBOT_TWILIO_BASE_URL",
                        "ftp://x")))
        .hasMessageContaining("TRUNKBOT_TWILIO_BASE_URL");
  }
}
