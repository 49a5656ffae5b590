package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trunkbot.sandbox.PortSipEmulator;
import dev.trunkbot.sandbox.TwilioEmulator;
import dev.trunkbot.service.Actor;
import dev.trunkbot.service.CreateOptions;
import dev.trunkbot.service.CreateOutcome;
import dev.trunkbot.service.RunStatus;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.slack.fake.Delivery;
import dev.trunkbot.slack.fake.FakeSlack;
import dev.trunkbot.slack.fake.SlackUser;
import dev.trunkbot.trunk.TrunkDraft;
import dev.trunkbot.trunk.TrunkSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve's management port on the real service, Slack (the fake, in Socket Mode) and the emulators:
 * alive, ready, and after a run its metrics count the run, each of its steps and its vendor calls,
 * with no phone number or secret in any label.
 */
class ManagementEndpointsTest {
  private static final List<String> DIDS = List.of("12027594810", "12027594811", "12027594812");
  private static final List<String> STEPS =
      List.of(
          "preflight",
          "trunk",
          "ip-acl",
          "credential-list",
          "origination",
          "find-dids",
          "assign-dids",
          "portsip-trunk",
          "portsip-tenants",
          "verify");
  private static final Pattern LABELS = Pattern.compile("\\{([^}]*)}");
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path home;

  private static InetSocketAddress anyPort() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  private HttpResponse<String> get(Serving serving, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serving.managementPort() + path))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static TrunkSpec spec() {
    return TrunkSpec.from(
        new TrunkDraft(
            "Metrics-Trunk",
            "metrics-pbx",
            "151.101.2.3",
            List.of(),
            "12027594810-12027594812",
            "system",
            Map.of("acme", "12027594810-12027594812"),
            "",
            "30",
            "",
            "Secret2025Password"));
  }

  @Test
  void afterARunTheMetricsCountTheRunItsStepsAndItsVendorCalls() throws Exception {
    try (GuideHarness emulators = new GuideHarness(DIDS, home);
        FakeSlack slack = FakeSlack.start()) {
      Map<String, String> env = new HashMap<>(emulators.env);
      env.putAll(slack.socketEnv());
      try (Serving serving = Serving.start(env, 0, anyPort())) {
        assertThat(get(serving, "/healthz").statusCode()).isEqualTo(200);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> get(serving, "/readyz").statusCode() == 200);
        assertThat(get(serving, "/readyz").body())
            .contains("database: ok", "slack: connected", "twilio: credentials accepted");

        CreateOutcome started =
            serving.service().create(spec(), Actor.cli("ops"), new CreateOptions(true, Map.of()));
        String runId = ((CreateOutcome.Started) started).run().id();
        RunSummary done =
            serving.service().awaitSettled(runId, Duration.ofSeconds(60)).orElseThrow();
        assertThat(done.state()).isEqualTo(RunStatus.SUCCEEDED);

        SlackUser ops = new SlackUser(slack, Delivery.socket(slack.socket()), "U0OPS", "ops");
        assertThat(ops.command("C0OPS", "help").status()).isEqualTo(200);
        assertThat(ops.command("C0OPS", "12027594810").status()).isEqualTo(200);

        HttpResponse<String> scraped = get(serving, "/metrics");
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type").orElse(""))
            .startsWith("text/plain");
        String metrics = scraped.body();
        assertThat(metrics).contains("trunkbot_runs{state=\"SUCCEEDED\"} 1.0");
        for (String step : STEPS) {
          assertThat(
                  count(metrics, "trunkbot_step_duration_seconds_count", "step=\"" + step + "\""))
              .as("step %s counted", step)
              .isGreaterThanOrEqualTo(1);
        }
        assertThat(
                count(
                    metrics,
                    "trunkbot_vendor_calls_seconds_count",
                    "operation=\"ensureTrunk\"",
                    "status=\"201\"",
                    "vendor=\"twilio\""))
            .as("the trunk's create")
            .isEqualTo(1);
        assertThat(
                count(
                    metrics,
                    "trunkbot_vendor_calls_seconds_count",
                    "operation=\"assignNumber\"",
                    "status=\"201\"",
                    "vendor=\"twilio\""))
            .as("one assignment made per DID")
            .isEqualTo(3);
        long twilioCalls =
            count(metrics, "trunkbot_vendor_calls_seconds_count", "vendor=\"twilio\"");
        assertThat(twilioCalls)
            .as("every Twilio request of the run, as the emulator counted them")
            .isEqualTo(emulators.sandbox.twilio().requests().entries().size());
        assertThat(count(metrics, "trunkbot_vendor_calls_seconds_count", "vendor=\"portsip\""))
            .isPositive();
        assertThat(metrics).contains("trunkbot_events_backlog{consumer=\"slack-status\"}");
        assertThat(count(metrics, "trunkbot_slack_acks_seconds_count", "handler=\"/trunk help\""))
            .isEqualTo(1);
        assertThat(count(metrics, "trunkbot_slack_acks_seconds_count", "handler=\"/trunk other\""))
            .as("what a user typed is no label")
            .isEqualTo(1);
        assertNoPhoneNumberOrSecretInLabels(metrics);

        assertThat(get(serving, "/nothing").statusCode()).isEqualTo(404);
      }
    }
  }

  @Test
  void notReadyWhilePortSipRefusesTheCredentialsAndTheLineSaysWhichSetting() throws Exception {
    try (GuideHarness emulators = new GuideHarness(DIDS, home);
        FakeSlack slack = FakeSlack.start()) {
      Map<String, String> env = new HashMap<>(emulators.env);
      env.putAll(slack.socketEnv());
      env.put("PORTSIP_PASSWORD", "not-the-" + PortSipEmulator.SANDBOX_PASSWORD);
      try (Serving serving = Serving.start(env, 0, anyPort())) {
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> get(serving, "/readyz").body().contains("portsip:"));
        HttpResponse<String> ready = get(serving, "/readyz");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body())
            .contains("not ready", "twilio: credentials accepted", "portsip: credentials refused")
            .contains("PORTSIP_PASSWORD")
            .doesNotContain(PortSipEmulator.SANDBOX_PASSWORD)
            .doesNotContain(TwilioEmulator.SANDBOX_AUTH_TOKEN);
        assertThat(get(serving, "/healthz").statusCode()).as("alive all the same").isEqualTo(200);
      }
    }
  }

  /** The sum of the samples of {@code metric} whose labels hold every one of {@code labels}. */
  static long count(String metrics, String metric, String... labels) {
    long sum = 0;
    for (String line : metrics.lines().toList()) {
      if (!line.startsWith(metric + "{")) {
        continue;
      }
      String labelText = line.substring(metric.length(), line.lastIndexOf('}') + 1);
      if (List.of(labels).stream().allMatch(labelText::contains)) {
        sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  static void assertNoPhoneNumberOrSecretInLabels(String metrics) {
    Matcher m = LABELS.matcher(metrics);
    while (m.find()) {
      // histogram buckets' le="0.001048576" are bounds, not data
      assertThat(m.group(1).replaceAll("le=\"[^\"]*\"", ""))
          .doesNotContainPattern("[0-9]{7,}")
          .doesNotContain(TwilioEmulator.SANDBOX_AUTH_TOKEN)
          .doesNotContain(PortSipEmulator.SANDBOX_PASSWORD)
          .doesNotContain("Secret2025Password");
    }
  }
}
