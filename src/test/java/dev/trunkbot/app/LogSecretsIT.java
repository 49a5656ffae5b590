package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trunkbot.sandbox.PortSipEmulator;
import dev.trunkbot.sandbox.TwilioEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run in its own JVM at DEBUG, logged as text and as JSON: every line is one event with its
 * context, and no line (of stdout or stderr) holds the SIP password, the Twilio auth token (nor its
 * Basic header) or the PortSIP password. A third retry of a Twilio request is forced so that the
 * retry path logs too.
 */
class LogSecretsIT {
  private static final Duration BOUND = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SIP_PASSWORD = "Sip2025SecretPassword";
  private static final List<String> DIDS = List.of("12027594810", "12027594811", "12027594812");

  @TempDir Path home;

  private List<String> run(String format) throws Exception {
    try (GuideHarness harness = new GuideHarness(DIDS, home.resolve(format))) {
      harness.env.put("TRUNKBOT_LOG_LEVEL", "DEBUG");
      harness.env.put("TRUNKBOT_LOG_FORMAT", format);
      harness.sandbox.twilio().faults().on("credentials.create").failNth(1, 503);
      Path spec =
          Files.writeString(
              home.resolve(format + ".yaml"),
              "name: Log-Trunk\ntermination: log-pbx\npbx: 151.101.2.3\n"
                  + "dids: \"12027594810-12027594812\"\ntenants:\n  acme: \"12027594810-12027594812\"\n"
                  + "maxConcurrentCalls: 30\ncredentials:\n  username: log-pbx\n  password: "
                  + SIP_PASSWORD
                  + "\n");
      try (TrunkbotProcess create =
          TrunkbotProcess.start(
              harness.env, "alice", "create", "--file", spec.toString(), "--auto-approve")) {
        assertThat(create.exitCode(BOUND)).as(create.output()).isZero();
        assertThat(create.printedAStackTrace()).as(create.output()).isFalse();
        List<String> lines = new ArrayList<>(List.copyOf(create.err));
        lines.addAll(List.copyOf(create.out));
        assertThat(create.err).as("DEBUG logs something").hasSizeGreaterThan(50);
        for (String line : lines) {
          assertThat(line)
              .doesNotContain(SIP_PASSWORD)
              .doesNotContain(TwilioEmulator.SANDBOX_AUTH_TOKEN)
              .doesNotContain(PortSipEmulator.SANDBOX_PASSWORD)
              .doesNotContain(basic());
        }
        return List.copyOf(create.err);
      }
    }
  }

  private static String basic() {
    return Base64.getEncoder()
        .encodeToString(
            (TwilioEmulator.SANDBOX_ACCOUNT_SID + ":" + TwilioEmulator.SANDBOX_AUTH_TOKEN)
                .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aRunLoggedAsTextHoldsNoSecretAndEachLineCarriesItsContext() throws Exception {
    List<String> lines = run("text");
    assertThat(lines).allMatch(l -> l.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} [A-Z]+ .*"));
    assertThat(lines)
        .anyMatch(l -> l.contains("run=") && l.contains("step=verify"))
        .anyMatch(l -> l.contains("vendor=twilio") && l.contains("status=503"));
  }

  @Test
  void aRunLoggedAsJsonHoldsNoSecretAndEachLineIsOneJsonObjectWithItsContext() throws Exception {
    List<String> lines = run("json");
    List<JsonNode> events = new ArrayList<>();
    for (String line : lines) {
      events.add(JSON.readTree(line));
    }
    assertThat(events).allMatch(e -> e.has("level") && e.has("formattedMessage"));
    assertThat(events)
        .anyMatch(
            e ->
                !e.path("mdc").path("run").asText().isEmpty()
                    && e.path("mdc").path("step").asText().equals("assign-dids")
                    && !e.path("mdc").path("actor").asText().isEmpty())
        .anyMatch(
            e ->
                e.path("mdc").path("vendor").asText().equals("twilio")
                    && e.path("mdc").path("status").asText().equals("503"));
  }

  @Test
  void anUnknownLogFormatIsRefusedInOneLineNamingTheVariable() throws Exception {
    try (GuideHarness harness = new GuideHarness(DIDS, home)) {
      harness.env.put("TRUNKBOT_LOG_FORMAT", "xml");
      try (TrunkbotProcess list = TrunkbotProcess.start(harness.env, "alice", "list")) {
        assertThat(list.exitCode(BOUND)).isEqualTo(2);
        assertThat(list.err)
            .singleElement()
            .asString()
            .contains("TRUNKBOT_LOG_FORMAT", "'xml'", "text", "json");
      }
    }
  }
}
