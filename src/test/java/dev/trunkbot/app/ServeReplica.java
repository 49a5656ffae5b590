package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trunkbot.slack.fake.Delivery;
import dev.trunkbot.slack.fake.FakeSlack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code trunkbot serve} in its own JVM, in HTTP mode against the fake Slack: where Slack sends
 * it requests (signed), and its management URL, both read from its ready line.
 */
record ServeReplica(String name, TrunkbotProcess process, Delivery slack, String management) {
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  private static final Pattern HTTP_PORT = Pattern.compile("HTTP mode on port (\\d+)");
  private static final Pattern MANAGEMENT = Pattern.compile("management on (http://[0-9.:]+)");

  /** Starts replica {@code name} with {@code base} (its own home, its own Slack API URL). */
  static ServeReplica start(String name, Map<String, String> base, FakeSlack slack, Path homes)
      throws Exception {
    Map<String, String> env = new HashMap<>(base);
    env.putAll(slack.httpEnv(SECRET));
    env.put("TRUNKBOT_SLACK_API_URL", slack.apiUrl(name));
    env.put("TRUNKBOT_HOME", homes.resolve(name).toString());
    TrunkbotProcess p =
        TrunkbotProcess.start(env, name, "serve", "--port", "0", "--management-port", "0");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> p.stdout().contains("ready") || !p.process.isAlive());
    Matcher port = HTTP_PORT.matcher(p.stdout());
    Matcher management = MANAGEMENT.matcher(p.stdout());
    assertThat(port.find() && management.find()).as(p.output()).isTrue();
    Delivery http =
        Delivery.http(URI.create("http://127.0.0.1:" + port.group(1) + "/slack/events"), SECRET);
    return new ServeReplica(name, p, http, management.group(1));
  }

  /** GET on the management port: its status and body. */
  HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(management + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The form of run {@code run} of a series, each with {@code dids} DIDs from {@code first}. */
  static Map<String, String> form(String label, long first, int dids) {
    String pool = first + "-" + (first + dids - 1);
    Map<String, String> typed = new HashMap<>();
    typed.put("name", "Trunk-" + label);
    typed.put("termination", label);
    typed.put("pbx", "151.101.2.3");
    typed.put("dids", pool);
    typed.put("tenants", "acme: " + pool);
    typed.put("max_calls", "30");
    return typed;
  }

  /** A system-level spec of {@code dids} DIDs from {@code first}, all for tenant acme. */
  static dev.trunkbot.trunk.TrunkSpec spec(String label, long first, int dids) {
    String pool = first + "-" + (first + dids - 1);
    return dev.trunkbot.trunk.TrunkSpec.from(
        new dev.trunkbot.trunk.TrunkDraft(
            "Trunk-" + label,
            label,
            "151.101.2.3",
            java.util.List.of(),
            pool,
            "system",
            Map.of("acme", pool),
            "",
            "30",
            "",
            ""));
  }
}
