package dev.trunkbot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trunkbot.portsip.PortSipClient;
import dev.trunkbot.portsip.PortSipConfig;
import dev.trunkbot.sandbox.PortSipEmulator;
import dev.trunkbot.sandbox.Sandbox;
import dev.trunkbot.sandbox.TwilioEmulator;
import dev.trunkbot.twilio.SdkTwilioTrunking;
import dev.trunkbot.twilio.TwilioConfig;
import dev.trunkbot.twilio.TwilioTrunking;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Emulators that outlive single commands, and trunkbot's CLI pointed at them through the
 * environment, as a conformance tool would point it: TRUNKBOT_TWILIO_BASE_URL, PORTSIP_URL and
 * their credentials, one database.
 */
final class GuideHarness implements AutoCloseable {
  static final String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
  private static final ObjectMapper JSON = new ObjectMapper();

  final Sandbox sandbox;
  final Map<String, String> env = new HashMap<>();
  String out = "";
  String err = "";

  /** On the embedded database in {@code home}. */
  GuideHarness(List<String> purchasedNumbers, Path home) throws IOException {
    this(purchasedNumbers, home, "");
  }

  GuideHarness(List<String> purchasedNumbers, Path home, String dbUrl) throws IOException {
    sandbox =
        Sandbox.builder()
            .seedPhoneNumbers(purchasedNumbers)
            .seedTenants(List.of("acme", "globex"))
            .start();
    env.put("TWILIO_ACCOUNT_SID", TwilioEmulator.SANDBOX_ACCOUNT_SID);
    env.put("TWILIO_AUTH_TOKEN", TwilioEmulator.SANDBOX_AUTH_TOKEN);
    env.put("TRUNKBOT_TWILIO_BASE_URL", sandbox.twilio().baseUri().toString());
    env.put("PORTSIP_URL", sandbox.portsip().baseUri().toString());
    env.put("PORTSIP_USERNAME", PortSipEmulator.SANDBOX_USERNAME);
    env.put("PORTSIP_PASSWORD", PortSipEmulator.SANDBOX_PASSWORD);
    if (!dbUrl.isEmpty()) {
      env.put("TRUNKBOT_DB_URL", dbUrl);
    }
    env.put("TRUNKBOT_SECRET_KEY", SECRET_KEY);
    env.put("TRUNKBOT_HOME", home.toString());
    env.put("TRUNKBOT_ALLOW_AUTO_APPROVE", "true");
  }

  /** Runs one trunkbot command in this JVM; keeps what it printed. */
  int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(o, true));
    cli.setErr(new PrintWriter(e, true));
    int code = cli.execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  JsonNode json() throws IOException {
    return JSON.readTree(out);
  }

  TwilioTrunking twilio() {
    return SdkTwilioTrunking.connect(
        TwilioConfig.ofAuthToken(
                TwilioEmulator.SANDBOX_ACCOUNT_SID, TwilioEmulator.SANDBOX_AUTH_TOKEN)
            .withBaseUrl(sandbox.twilio().baseUri()));
  }

  PortSipClient portsip(Optional<String> domain) {
    return PortSipClient.create(
        PortSipConfig.of(
            sandbox.portsip().baseUri().toString(),
            PortSipEmulator.SANDBOX_USERNAME,
            PortSipEmulator.SANDBOX_PASSWORD,
            domain));
  }

  /** Requests that changed something on either side (sign-ins aside). */
  long writes() {
    return sandbox.twilio().requests().count(e -> !e.method().equals("GET"))
        + sandbox
            .portsip()
            .requests()
            .count(
                e ->
                    e.method().equals("POST")
                        && !e.endpoint().startsWith("auth.")
                        && !e.endpoint().equals("login"));
  }

  /** How many assignments of each phone number (SID) Twilio answered 201. */
  Map<String, Long> assignmentsPerNumber() {
    return sandbox
        .twilio()
        .requests()
        .matching(e -> e.endpoint().equals("trunkPhoneNumbers.create") && e.status() == 201)
        .stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                e -> e.params().get("PhoneNumberSid"), java.util.stream.Collectors.counting()));
  }

  void clearLogs() {
    sandbox.twilio().requests().clear();
    sandbox.portsip().requests().clear();
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
