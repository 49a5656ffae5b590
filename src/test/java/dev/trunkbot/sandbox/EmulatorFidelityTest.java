package dev.trunkbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every resource the emulators serve, as each endpoint answers it, against the response schema of
 * that operation in the vendors' own OpenAPI descriptions ({@code ../shared/specs/}, read at test
 * time): every property of the schema present, in its type, null only where allowed; and PortSIP's
 * declared defaults stored for fields a create left out.
 */
class EmulatorFidelityTest {
  private static final Path SPECS = Path.of("..", "shared", "specs");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OpenApiContract trunking;
  private static OpenApiContract api2010;
  private static OpenApiContract portsip;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> problems = new ArrayList<>();
  private int checked;

  @BeforeAll
  static void readDescriptions() throws Exception {
    Assumptions.assumeTrue(
        Files.isDirectory(SPECS),
        "skipped: the vendors' OpenAPI descriptions are not at "
            + SPECS.toAbsolutePath().normalize()
            + " (the emulators' fidelity is checked where they are)");
    trunking =
        OpenApiContract.read(
            SPECS.resolve("twilio_trunking_v1.json"), OpenApiContract.Nulls.AS_DECLARED);
    api2010 =
        OpenApiContract.read(
            SPECS.resolve("twilio_api_v2010.json"), OpenApiContract.Nulls.AS_DECLARED);
    portsip =
        OpenApiContract.read(
            SPECS.resolve("portsip_pbx_rest_22.json"), OpenApiContract.Nulls.UNLESS_DEFAULT);
  }

  @Test
  void everyTwilioResourceCarriesEveryPropertyOfItsSchemaInItsType() throws Exception {
    try (TwilioEmulator twilio = TwilioEmulator.start(0)) {
      String pn = twilio.seedPhoneNumbers("12027594810").get("+12027594810");
      String ac = "/2010-04-01/Accounts/" + TwilioEmulator.SANDBOX_ACCOUNT_SID;
      Twilio t = new Twilio(twilio);

      t.call("GET", ac + ".json", Map.of(), 200);
      String tk =
          t.call(
                  "POST",
                  "/v1/Trunks",
                  Map.of("FriendlyName", "Fidelity", "DomainName", "fidelity.pstn.twilio.com"),
                  201)
              .get("sid")
              .asText();
      t.call("GET", "/v1/Trunks", Map.of(), 200);
      t.call("GET", "/v1/Trunks/" + tk, Map.of(), 200);
      t.call("POST", "/v1/Trunks/" + tk, Map.of("FriendlyName", "Fidelity 2"), 200);

      String al =
          t.call("POST", ac + "/SIP/IpAccessControlLists.json", Map.of("FriendlyName", "acl"), 201)
              .get("sid")
              .asText();
      t.call("GET", ac + "/SIP/IpAccessControlLists.json", Map.of(), 200);
      t.call("GET", ac + "/SIP/IpAccessControlLists/" + al + ".json", Map.of(), 200);
      String ips = ac + "/SIP/IpAccessControlLists/" + al + "/IpAddresses";
      String ip =
          t.call(
                  "POST",
                  ips + ".json",
                  Map.of("FriendlyName", "pbx", "IpAddress", "151.101.2.3"),
                  201)
              .get("sid")
              .asText();
      t.call("GET", ips + ".json", Map.of(), 200);
      t.call("GET", ips + "/" + ip + ".json", Map.of(), 200);

      String cl =
          t.call("POST", ac + "/SIP/CredentialLists.json", Map.of("FriendlyName", "cl"), 201)
              .get("sid")
              .asText();
      t.call("GET", ac + "/SIP/CredentialLists.json", Map.of(), 200);
      t.call("GET", ac + "/SIP/CredentialLists/" + cl + ".json", Map.of(), 200);
      String creds = ac + "/SIP/CredentialLists/" + cl + "/Credentials";
      String cr =
          t.call(
                  "POST",
                  creds + ".json",
                  Map.of("Username", "pbx", "Password", "Str0ngEnough2024"),
                  201)
              .get("sid")
              .asText();
      t.call("GET", creds + ".json", Map.of(), 200);
      t.call("GET", creds + "/" + cr + ".json", Map.of(), 200);

      String trunk = "/v1/Trunks/" + tk;
      t.call("POST", trunk + "/IpAccessControlLists", Map.of("IpAccessControlListSid", al), 201);
      t.call("GET", trunk + "/IpAccessControlLists", Map.of(), 200);
      t.call("GET", trunk + "/IpAccessControlLists/" + al, Map.of(), 200);
      t.call("POST", trunk + "/CredentialLists", Map.of("CredentialListSid", cl), 201);
      t.call("GET", trunk + "/CredentialLists", Map.of(), 200);
      t.call("GET", trunk + "/CredentialLists/" + cl, Map.of(), 200);
      Map<String, String> url = new LinkedHashMap<>();
      url.put("Weight", "10");
      url.put("Priority", "10");
      url.put("Enabled", "true");
      url.put("FriendlyName", "us1");
      url.put("SipUrl", "sip:pbx.example.com;region=us1");
      String ou = t.call("POST", trunk + "/OriginationUrls", url, 201).get("sid").asText();
      t.call("GET", trunk + "/OriginationUrls", Map.of(), 200);
      t.call("GET", trunk + "/OriginationUrls/" + ou, Map.of(), 200);
      t.call("POST", trunk + "/OriginationUrls/" + ou, Map.of("Priority", "20"), 200);

      t.call("GET", ac + "/IncomingPhoneNumbers.json", Map.of(), 200);
      t.call("GET", ac + "/IncomingPhoneNumbers.json?PhoneNumber=%2B12027594810", Map.of(), 200);
      t.call("GET", ac + "/IncomingPhoneNumbers/" + pn + ".json", Map.of(), 200);
      t.call("POST", trunk + "/PhoneNumbers", Map.of("PhoneNumberSid", pn), 201);
      t.call("GET", trunk + "/PhoneNumbers", Map.of(), 200);
      t.call("GET", trunk + "/PhoneNumbers/" + pn, Map.of(), 200);
    }
    assertThat(checked).isGreaterThanOrEqualTo(30);
    assertThat(problems).isEmpty();
  }

  @Test
  void everyPortSipResourceCarriesEveryPropertyOfItsSchemaAndTheDeclaredDefaults()
      throws Exception {
    try (PortSipEmulator pbx = PortSipEmulator.builder().seedTenants("acme").start(0)) {
      PortSip p = new PortSip(pbx);
      String tenant = p.call("GET", "/tenants", null, 200).path("items").get(0).get("id").asText();
      ObjectNode minimal =
          JSON.createObjectNode()
              .put("name", "minimal")
              .put("transport", "UDP")
              .put("hostname", "minimal.pstn.twilio.com")
              .put("port", 5060)
              .put("outbound_server", "minimal.pstn.twilio.com")
              .put("outbound_server_port", 5060)
              .put("concurrency", 10);
      String id = p.call("POST", "/providers", minimal, 201).get("id").asText();
      p.call("GET", "/providers", null, 200);
      JsonNode detail = p.call("GET", "/providers/" + id, null, 200);
      p.call("GET", "/providers/" + id + "/status", null, 200);
      p.call(
          "POST",
          "/providers/" + id + "/assignees/" + tenant,
          JSON.createObjectNode().put("did_numbers", "12027594810").put("concurrency", 5),
          204);
      p.call("GET", "/providers/" + id + "/assignees", null, 200);
      p.call("GET", "/providers/" + id + "/assignees/" + tenant, null, 200);

      JsonNode createSchema =
          portsip.resolve(
              portsipRoot()
                  .path("paths")
                  .path("/providers")
                  .path("post")
                  .path("requestBody")
                  .path("content")
                  .path("application/json")
                  .path("schema"));
      Map<String, JsonNode> declared = portsip.properties(createSchema);
      int defaults = 0;
      for (var field : declared.entrySet()) {
        if (field.getValue().has("default") && !minimal.has(field.getKey())) {
          defaults++;
          assertThat(detail.path(field.getKey()))
              .as("%s, left out of the create, holds its declared default", field.getKey())
              .isEqualTo(field.getValue().get("default"));
        }
      }
      assertThat(defaults).isGreaterThanOrEqualTo(10);
    }
    assertThat(checked).isGreaterThanOrEqualTo(6);
    assertThat(problems).isEmpty();
  }

  private static JsonNode portsipRoot() throws Exception {
    return JSON.readTree(SPECS.resolve("portsip_pbx_rest_22.json").toFile());
  }

  private void record(
      OpenApiContract contract, String method, String path, int status, JsonNode body) {
    var schema = contract.responseSchema(method, path.replaceFirst("\\?.*", ""), status);
    if (status == 204) {
      return;
    }
    if (schema.isEmpty()) {
      problems.add(method + " " + path + ": the description has no " + status + " JSON schema");
      return;
    }
    checked++;
    problems.addAll(contract.problems(method + " " + path, body, schema.get()));
  }

  /** Raw HTTP to the Twilio emulator: Basic auth, form bodies. */
  private final class Twilio {
    private final TwilioEmulator emulator;

    Twilio(TwilioEmulator emulator) {
      this.emulator = emulator;
    }

    JsonNode call(String method, String path, Map<String, String> form, int expected)
        throws Exception {
      StringJoiner body = new StringJoiner("&");
      form.forEach(
          (k, v) ->
              body.add(
                  URLEncoder.encode(k, StandardCharsets.UTF_8)
                      + "="
                      + URLEncoder.encode(v, StandardCharsets.UTF_8)));
      String auth = TwilioEmulator.SANDBOX_ACCOUNT_SID + ":" + TwilioEmulator.SANDBOX_AUTH_TOKEN;
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(emulator.baseUri() + path))
              .header(
                  "Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes()));
      if (method.equals("GET")) {
        b.GET();
      } else {
        b.header("Content-Type", "application/x-www-form-urlencoded")
            .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(expected);
      JsonNode json = JSON.readTree(r.body());
      record(path.startsWith("/v1/") ? trunking : api2010, method, path, r.statusCode(), json);
      return json;
    }
  }

  /** Raw HTTP to the PortSIP emulator as its system administrator. */
  private final class PortSip {
    private final PortSipEmulator emulator;
    private final String token;

    PortSip(PortSipEmulator emulator) throws Exception {
      this.emulator = emulator;
      ObjectNode login =
          JSON.createObjectNode()
              .put("username", PortSipEmulator.SANDBOX_USERNAME)
              .put("password", PortSipEmulator.SANDBOX_PASSWORD);
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/api/auth/sign_in"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(login.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      this.token = JSON.readTree(r.body()).get("access_token").asText();
    }

    JsonNode call(String method, String path, JsonNode body, int expected) throws Exception {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/api" + path))
              .header("Authorization", "Bearer " + token);
      if (body == null) {
        b.GET();
      } else {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(expected);
      JsonNode json = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
      record(portsip, method, path, r.statusCode(), json);
      return json;
    }
  }
}
