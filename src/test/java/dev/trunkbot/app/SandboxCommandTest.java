package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trunkbot.sandbox.TwilioEmulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SandboxCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the issue asks of {@code trunkbot sandbox}: curl's create answers 201 with a trunk, the
   * same again 400 / 21248.
   */
  @Test
  void servesTheTwilioEmulatorSoThatCurlCreatesATrunkOnceThenGets21248() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new SandboxCommand(Map.of(), stop));
    cli.setOut(new PrintWriter(out, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving =
        new Thread(
            () ->
                exit.set(
                    cli.execute(
                        "--twilio-port",
                        "0",
                        "--portsip-port",
                        "0",
                        "--seed-dids",
                        "12027594810-12027594812;12027594820")));
    serving.start();
    try {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> out.toString().contains("Serving until interrupted"));
      Matcher url =
          Pattern.compile("Twilio emulator: +(http://127\\.0\\.0\\.1:\\d+)")
              .matcher(out.toString());
      assertThat(url.find()).isTrue();
      assertThat(out.toString())
          .contains("TWILIO_ACCOUNT_SID=" + TwilioEmulator.SANDBOX_ACCOUNT_SID)
          .contains("TWILIO_AUTH_TOKEN=" + TwilioEmulator.SANDBOX_AUTH_TOKEN);

      HttpClient http = HttpClient.newHttpClient();
      HttpRequest create =
          HttpRequest.newBuilder(URI.create(url.group(1) + "/v1/Trunks"))
              .header(
                  "Authorization",
                  basic(
                      TwilioEmulator.SANDBOX_ACCOUNT_SID + ":" + TwilioEmulator.SANDBOX_AUTH_TOKEN))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "FriendlyName=x&DomainName=x.pstn.twilio.com"))
              .build();
      HttpResponse<String> first = http.send(create, HttpResponse.BodyHandlers.ofString());
      assertThat(first.statusCode()).isEqualTo(201);
      assertThat(JSON.readTree(first.body()).get("domain_name").asText())
          .isEqualTo("x.pstn.twilio.com");
      HttpResponse<String> second = http.send(create, HttpResponse.BodyHandlers.ofString());
      assertThat(second.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(second.body()).get("code").asInt()).isEqualTo(21248);

      HttpRequest numbers =
          HttpRequest.newBuilder(
                  URI.create(
                      url.group(1)
                          + "/2010-04-01/Accounts/"
                          + TwilioEmulator.SANDBOX_ACCOUNT_SID
                          + "/IncomingPhoneNumbers.json"))
              .header(
                  "Authorization",
                  basic(
                      TwilioEmulator.SANDBOX_ACCOUNT_SID + ":" + TwilioEmulator.SANDBOX_AUTH_TOKEN))
              .build();
      JsonNode seeded =
          JSON.readTree(http.send(numbers, HttpResponse.BodyHandlers.ofString()).body());
      assertThat(seeded.get("incoming_phone_numbers")).hasSize(4);
    } finally {
      stop.countDown();
      serving.join(10_000);
    }
    assertThat(exit.get()).isZero();
  }

  /**
   * What the PortSIP issue asks of it: sign in as the seeded admin; a provider without transport is
   * refused naming it.
   */
  @Test
  void servesThePortSipEmulatorSoThatAProviderWithoutTransportIsRefusedNamingIt() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new SandboxCommand(Map.of(), stop));
    cli.setOut(new PrintWriter(out, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving =
        new Thread(
            () -> exit.set(cli.execute("--portsip-port", "0", "--seed-tenants", "acme,globex")));
    serving.start();
    try {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> out.toString().contains("Serving until interrupted"));
      Matcher url =
          Pattern.compile("PORTSIP_URL=(http://127\\.0\\.0\\.1:\\d+)").matcher(out.toString());
      assertThat(url.find()).isTrue();
      Matcher user = Pattern.compile("PORTSIP_USERNAME=(\\S+)").matcher(out.toString());
      Matcher pass = Pattern.compile("PORTSIP_PASSWORD=(\\S+)").matcher(out.toString());
      assertThat(user.find() && pass.find()).isTrue();

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> signIn =
          http.send(
              HttpRequest.newBuilder(URI.create(url.group(1) + "/api/auth/sign_in"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          JSON.writeValueAsString(
                              Map.of("username", user.group(1), "password", pass.group(1)))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(signIn.statusCode()).isEqualTo(200);
      String token = JSON.readTree(signIn.body()).get("access_token").asText();

      Map<String, Object> full =
          new java.util.LinkedHashMap<>(
              Map.of(
                  "name",
                  "Twilio-Reg-Trunk",
                  "transport",
                  "UDP",
                  "hostname",
                  "portsip-pbx.pstn.twilio.com",
                  "port",
                  5060,
                  "outbound_server",
                  "portsip-pbx.pstn.twilio.com",
                  "outbound_server_port",
                  5060,
                  "concurrency",
                  30,
                  "brand",
                  "Twilio",
                  "auth_mode",
                  "REGISTER_AUTH"));
      Map<String, Object> noTransport = new java.util.LinkedHashMap<>(full);
      noTransport.remove("transport");
      HttpResponse<String> refused =
          http.send(
              providers(url.group(1), token, noTransport), HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isBetween(400, 499);
      JsonNode errors = JSON.readTree(refused.body()).get("errors");
      assertThat(errors).isNotEmpty();
      assertThat(errors.toString()).contains("transport");
      HttpResponse<String> created =
          http.send(providers(url.group(1), token, full), HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(JSON.readTree(created.body()).get("id").asText()).isNotEmpty();
    } finally {
      stop.countDown();
      serving.join(10_000);
    }
    assertThat(exit.get()).isZero();
  }

  private static HttpRequest providers(String base, String token, Map<String, Object> body)
      throws Exception {
    return HttpRequest.newBuilder(URI.create(base + "/api/providers"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
  }

  @Test
  void aBadSeedPoolIsRefusedNamingTheOption() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("sandbox", "--seed-dids", "12027594815-12027594810");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--seed-dids");
  }

  @Test
  void theSandboxAccountIsTheEnvironmentsWhenGiven() {
    TwilioEmulator.Account given =
        TwilioEmulator.Account.fromEnvironment(
            Map.of(
                "TWILIO_ACCOUNT_SID",
                "AC0123456789abcdef0123456789abcdef",
                "TWILIO_AUTH_TOKEN",
                "their-token"));
    assertThat(given.sid()).isEqualTo("AC0123456789abcdef0123456789abcdef");
    assertThat(given.authToken()).isEqualTo("their-token");
    assertThat(given.toString()).doesNotContain("their-token");
    assertThat(TwilioEmulator.Account.fromEnvironment(Map.of()))
        .isEqualTo(TwilioEmulator.Account.sandbox());
  }

  private static String basic(String userPass) {
    return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
  }
}
