package dev.trunkbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator over plain HTTP, as curl sees it. */
class TwilioEmulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AUTH =
      TwilioEmulator.SANDBOX_ACCOUNT_SID + ":" + TwilioEmulator.SANDBOX_AUTH_TOKEN;
  private static final String ACCOUNT =
      "/2010-04-01/Accounts/" + TwilioEmulator.SANDBOX_ACCOUNT_SID;

  private final HttpClient http = HttpClient.newHttpClient();
  private TwilioEmulator emulator;

  @BeforeEach
  void start() throws Exception {
    emulator = TwilioEmulator.start(0);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  /**
   * {@code curl -u AC...:token -d FriendlyName=x -d DomainName=x.pstn.twilio.com
   * http://127.0.0.1:PORT/v1/Trunks}, twice.
   */
  @Test
  void createsASpecShapedTrunkThenRefusesTheSameDomainWith21248() throws Exception {
    HttpResponse<String> first =
        post(AUTH, "/v1/Trunks", "FriendlyName=x&DomainName=x.pstn.twilio.com");
    assertThat(first.statusCode()).isEqualTo(201);
    JsonNode trunk = JSON.readTree(first.body());
    assertThat(trunk.get("sid").asText()).matches("TK[0-9a-f]{32}");
    assertThat(trunk.get("account_sid").asText()).isEqualTo(TwilioEmulator.SANDBOX_ACCOUNT_SID);
    assertThat(trunk.get("friendly_name").asText()).isEqualTo("x");
    assertThat(trunk.get("domain_name").asText()).isEqualTo("x.pstn.twilio.com");
    assertThat(trunk.get("date_created").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(trunk.get("url").asText())
        .isEqualTo("https://trunking.twilio.com/v1/Trunks/" + trunk.get("sid").asText());
    assertThat(trunk.get("links").get("origination_urls").asText()).endsWith("/OriginationUrls");
    assertThat(trunk.get("recording").get("mode").asText()).isEqualTo("do-not-record");
    assertThat(trunk.has("transfer_mode") && trunk.has("secure") && trunk.has("auth_type_set"))
        .isTrue();

    HttpResponse<String> again =
        post(AUTH, "/v1/Trunks", "FriendlyName=x&DomainName=x.pstn.twilio.com");
    assertThat(again.statusCode()).isEqualTo(400);
    assertError(again, 400, 21248);
  }

  @Test
  void refusesAWrongTokenWith401Code20003() throws Exception {
    HttpResponse<String> r =
        post(TwilioEmulator.SANDBOX_ACCOUNT_SID + ":wrong", "/v1/Trunks", "FriendlyName=x");
    assertError(r, 401, 20003);
    assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void acceptsTheSandboxApiKey() throws Exception {
    HttpResponse<String> r =
        get(TwilioEmulator.SANDBOX_API_KEY + ":" + TwilioEmulator.SANDBOX_API_SECRET, "/v1/Trunks");
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void missingRequiredParameterIs20001() throws Exception {
    HttpResponse<String> trunk = post(AUTH, "/v1/Trunks", "FriendlyName=t");
    String sid = JSON.readTree(trunk.body()).get("sid").asText();
    HttpResponse<String> r =
        post(
            AUTH,
            "/v1/Trunks/" + sid + "/OriginationUrls",
            "Weight=10&Priority=10&Enabled=true&FriendlyName=o");
    assertError(r, 400, 20001);
    assertThat(JSON.readTree(r.body()).get("message").asText()).contains("SipUrl");
    assertError(post(AUTH, ACCOUNT + "/SIP/IpAccessControlLists.json", ""), 400, 20001);
  }

  @Test
  void unknownResourceIs20404() throws Exception {
    assertError(get(AUTH, "/v1/Trunks/TK00000000000000000000000000000000"), 404, 20404);
    assertError(get(AUTH, "/v1/Nothing"), 404, 20404);
  }

  @Test
  void badDomainNameIs21247() throws Exception {
    assertError(post(AUTH, "/v1/Trunks", "DomainName=x.example.com"), 400, 21247);
  }

  @Test
  void weakPasswordAndDuplicateUsernameAre21240AndThePasswordIsNeitherEchoedNorLogged()
      throws Exception {
    String cl =
        JSON.readTree(post(AUTH, ACCOUNT + "/SIP/CredentialLists.json", "FriendlyName=pbx").body())
            .get("sid")
            .asText();
    String path = ACCOUNT + "/SIP/CredentialLists/" + cl + "/Credentials.json";

    HttpResponse<String> weak = post(AUTH, path, "Username=pbx&Password=short1A");
    assertError(weak, 400, 21240);
    assertThat(weak.body()).doesNotContain("short1A");

    HttpResponse<String> created = post(AUTH, path, "Username=pbx&Password=Str0ngEnough2024");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("Str0ngEnough2024").doesNotContain("password");
    assertThat(JSON.readTree(created.body()).get("date_created").asText())
        .matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d \\+0000");

    assertError(post(AUTH, path, "Username=pbx&Password=An0therStrong1"), 400, 21240);
    assertThat(emulator.requests().entries().toString())
        .doesNotContain("Str0ngEnough2024")
        .doesNotContain("short1A");
    assertThat(emulator.requests().matching(e -> e.endpoint().equals("credentials.create")))
        .allSatisfy(e -> assertThat(e.params().get("Password")).isEqualTo("****"));
  }

  @Test
  void injected429IsCode20429WithRetryAfter() throws Exception {
    emulator.faults().on("trunks.list").failNth(1, 429);
    HttpResponse<String> r = get(AUTH, "/v1/Trunks");
    assertError(r, 429, 20429);
    assertThat(r.headers().firstValue("Retry-After")).contains("1");
    assertThat(get(AUTH, "/v1/Trunks").statusCode()).isEqualTo(200);
  }

  @Test
  void v1ListsCarryEveryMetaKeyWithTwilioUrls() throws Exception {
    for (int i = 0; i < 3; i++) {
      post(AUTH, "/v1/Trunks", "FriendlyName=t" + i);
    }
    JsonNode page = JSON.readTree(get(AUTH, "/v1/Trunks?PageSize=2").body());
    JsonNode meta = page.get("meta");
    assertThat(meta.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "first_page_url",
            "key",
            "next_page_url",
            "page",
            "page_size",
            "previous_page_url",
            "url");
    assertThat(meta.get("key").asText()).isEqualTo("trunks");
    assertThat(meta.get("next_page_url").asText())
        .startsWith("https://trunking.twilio.com/v1/Trunks?PageSize=2&Page=1");
    assertThat(page.get("trunks")).hasSize(2);
    JsonNode last = JSON.readTree(get(AUTH, "/v1/Trunks?PageSize=2&Page=1").body());
    assertThat(last.get("trunks")).hasSize(1);
    assertThat(last.get("meta").get("next_page_url").isNull()).isTrue();
  }

  @Test
  void lists2010CarryRelativeUrisAtTheRoot() throws Exception {
    emulator.seedPhoneNumbers("+12027594810", "2027594811", "12027594812");
    JsonNode page =
        JSON.readTree(get(AUTH, ACCOUNT + "/IncomingPhoneNumbers.json?PageSize=2").body());
    assertThat(page.get("uri").asText()).startsWith(ACCOUNT + "/IncomingPhoneNumbers.json?");
    assertThat(page.get("next_page_uri").asText()).contains("Page=1");
    assertThat(page.get("start").asInt()).isZero();
    assertThat(page.get("end").asInt()).isEqualTo(1);
    assertThat(page.get("incoming_phone_numbers").get(0).get("phone_number").asText())
        .isEqualTo("+12027594810");
    assertThat(page.get("incoming_phone_numbers").get(1).get("sid").asText())
        .matches("PN[0-9a-f]{32}");

    JsonNode one =
        JSON.readTree(
            get(AUTH, ACCOUNT + "/IncomingPhoneNumbers.json?PhoneNumber=%2B12027594812").body());
    assertThat(one.get("incoming_phone_numbers")).hasSize(1);
    assertThat(one.get("uri").asText()).contains("PhoneNumber=%2B12027594812");
  }

  @Test
  void anotherAccountsPathIsNotFound() throws Exception {
    assertError(
        get(
            AUTH,
            "/2010-04-01/Accounts/AC00000000000000000000000000000000/SIP/CredentialLists.json"),
        404,
        20404);
  }

  @Test
  void aRequestMeantForAnotherTwilioHostIsNotFoundAndAWrongMethodIs405() throws Exception {
    HttpRequest meantForApi =
        request(AUTH, "/v1/Trunks")
            .header("X-Trunkbot-Twilio-Host", "api.twilio.com")
            .GET()
            .build();
    assertError(http.send(meantForApi, HttpResponse.BodyHandlers.ofString()), 404, 20404);
    HttpRequest put = request(AUTH, "/v1/Trunks").PUT(HttpRequest.BodyPublishers.noBody()).build();
    assertError(http.send(put, HttpResponse.BodyHandlers.ofString()), 405, 20004);
  }

  private HttpResponse<String> post(String auth, String path, String form) throws Exception {
    return http.send(
        request(auth, path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String auth, String path) throws Exception {
    return http.send(request(auth, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String auth, String path) {
    return HttpRequest.newBuilder(URI.create(emulator.baseUri() + path))
        .header(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertError(HttpResponse<String> r, int status, int code) throws Exception {
    assertThat(r.statusCode()).isEqualTo(status);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("code").asInt()).isEqualTo(code);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("more_info").asText())
        .isEqualTo("https://www.twilio.com/docs/errors/" + code);
    assertThat(body.get("message").asText()).isNotBlank();
  }
}
