package dev.trunkbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.testing.TestClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulator spoken to with plain java.net.http, as any PortSIP client would. */
class PortSipEmulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final TestClock clock = TestClock.at("2026-11-28T12:00:00Z");
  private PortSipEmulator pbx;

  @AfterEach
  void stop() {
    if (pbx != null) {
      pbx.close();
    }
  }

  @Test
  void createWithoutTransportIsRefusedNamingTheFieldAndAFullBodyIsCreated() throws Exception {
    pbx = PortSipEmulator.start(0, PortSipEmulator.Credentials.SANDBOX, List.of("acme", "globex"));
    String token =
        signIn(
            Map.of(
                "username",
                PortSipEmulator.SANDBOX_USERNAME,
                "password",
                PortSipEmulator.SANDBOX_PASSWORD));

    ObjectNode body = trunk("Twilio-Reg-Trunk");
    body.remove("transport");
    HttpResponse<String> refused = post("/api/providers", body, token);
    assertThat(refused.statusCode()).isBetween(400, 499);
    JsonNode error = JSON.readTree(refused.body()).path("errors").path(0);
    assertThat(error.path("code").asText()).isEqualTo("VALIDATE_FAILED");
    assertThat(error.path("message").asText()).contains("transport");

    HttpResponse<String> created = post("/api/providers", trunk("Twilio-Reg-Trunk"), token);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(created.body()).path("id").asText()).isNotBlank();
  }

  @Test
  void failedLoginIsA400Unauthorized() throws Exception {
    pbx = PortSipEmulator.start(0, new PortSipEmulator.Credentials("ops", "secret-1"), List.of());
    HttpResponse<String> r =
        post(
            "/api/auth/sign_in",
            JSON.valueToTree(Map.of("username", "ops", "password", "nope")),
            null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":\"UNAUTHORIZED\"");
  }

  @Test
  void callsWithoutOrWithAnExpiredTokenAre401() throws Exception {
    pbx = PortSipEmulator.builder().clock(clock).tokenLifetime(Duration.ofSeconds(1800)).start(0);
    assertThat(get("/api/providers", null).statusCode()).isEqualTo(401);
    String token = signIn(admin());
    assertThat(get("/api/providers", token).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1800));
    HttpResponse<String> expired = get("/api/providers", token);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("UNAUTHORIZED").contains("expired");
  }

  @Test
  void rejectsOverlappingTenantPoolsNamingTheNumbers() throws Exception {
    pbx = PortSipEmulator.start(0, PortSipEmulator.Credentials.SANDBOX, List.of("acme", "globex"));
    String token = signIn(admin());
    String id =
        JSON.readTree(post("/api/providers", trunk("shared"), token).body()).path("id").asText();
    Map<String, String> tenants = tenantIds(token);

    assertThat(
            post(
                    "/api/providers/" + id + "/assignees/" + tenants.get("acme"),
                    pool("12027594810-12027594815;12027594820", 10),
                    token)
                .statusCode())
        .isEqualTo(204);
    HttpResponse<String> overlap =
        post(
            "/api/providers/" + id + "/assignees/" + tenants.get("globex"),
            pool("12027594814-12027594816;12027594820", 10),
            token);
    assertThat(overlap.statusCode()).isEqualTo(400);
    assertThat(overlap.body())
        .contains("VALIDATE_FAILED")
        .contains("12027594814-12027594815;12027594820");

    HttpResponse<String> plus =
        post(
            "/api/providers/" + id + "/assignees/" + tenants.get("globex"),
            pool("+12027594830", 10),
            token);
    assertThat(plus.body()).contains("VALIDATE_FAILED").contains("must not start with '+'");
    HttpResponse<String> zero =
        post(
            "/api/providers/" + id + "/assignees/" + tenants.get("globex"),
            pool("0012027594830", 10),
            token);
    assertThat(zero.body()).contains("must not start with 0 or 00");
    assertThat(
            post(
                    "/api/providers/" + id + "/assignees/" + tenants.get("globex"),
                    pool("12027594830", 5),
                    token)
                .statusCode())
        .isEqualTo(204);
    assertThat(
            JSON.readTree(get("/api/providers/" + id + "/assignees", token).body()).path("items"))
        .hasSize(2);
  }

  @Test
  void tenantAdminSeesOnlyItsOwnTrunksAndCannotAssign() throws Exception {
    pbx = PortSipEmulator.start(0, PortSipEmulator.Credentials.SANDBOX, List.of("acme", "globex"));
    String system = signIn(admin());
    String shared =
        JSON.readTree(post("/api/providers", trunk("system-trunk"), system).body())
            .path("id")
            .asText();
    String acme =
        signIn(
            Map.of(
                "username",
                "admin",
                "password",
                PortSipEmulator.SANDBOX_PASSWORD,
                "domain",
                "acme.sandbox.local"));
    assertThat(post("/api/providers", trunk("acme-trunk"), acme).statusCode()).isEqualTo(201);

    JsonNode seen = JSON.readTree(get("/api/providers", acme).body());
    assertThat(seen.path("count").asInt()).isEqualTo(1);
    assertThat(seen.path("items").path(0).path("name").asText()).isEqualTo("acme-trunk");
    assertThat(seen.path("items").path(0).path("shared").asBoolean()).isFalse();
    assertThat(get("/api/providers/" + shared, acme).statusCode()).isEqualTo(404);
    assertThat(post("/api/providers/" + shared + "/assignees/x", pool("1", 1), acme).statusCode())
        .isEqualTo(403);
    assertThat(JSON.readTree(get("/api/providers", system).body()).path("count").asInt())
        .isEqualTo(2);
  }

  @Test
  void answers429PastTheRateLimitWithRetryAfter() throws Exception {
    pbx = PortSipEmulator.builder().clock(clock).rateLimitPerMinute(3).start(0);
    String token = signIn(admin());
    assertThat(get("/api/tenants", token).statusCode()).isEqualTo(200);
    assertThat(get("/api/tenants", token).statusCode()).isEqualTo(200);
    HttpResponse<String> limited = get("/api/tenants", token);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
    clock.advance(Duration.ofMinutes(1));
    assertThat(get("/api/tenants", token).statusCode()).isEqualTo(200);
  }

  @Test
  void brandAndAuthModeCannotBeChangedButOtherFieldsCan() throws Exception {
    pbx = PortSipEmulator.start(0, PortSipEmulator.Credentials.SANDBOX, List.of());
    String token = signIn(admin());
    String id = JSON.readTree(post("/api/providers", trunk("t"), token).body()).path("id").asText();
    HttpResponse<String> brand =
        post("/api/providers/" + id, JSON.valueToTree(Map.of("brand", "Other")), token);
    assertThat(brand.statusCode()).isEqualTo(400);
    assertThat(brand.body()).contains("brand");
    assertThat(
            post("/api/providers/" + id, JSON.valueToTree(Map.of("concurrency", 7)), token)
                .statusCode())
        .isEqualTo(200);
    JsonNode detail = JSON.readTree(get("/api/providers/" + id, token).body());
    assertThat(detail.path("concurrency").asInt()).isEqualTo(7);
    assertThat(detail.has("password")).isFalse();
    assertThat(
            JSON.readTree(get("/api/providers/" + id + "/status", token).body())
                .path("status")
                .asText())
        .isEqualTo("ONLINE");
    assertThat(
            post("/api/providers/" + id + "/destroy", JSON.createObjectNode(), token).statusCode())
        .isEqualTo(204);
    assertThat(get("/api/providers/" + id, token).statusCode()).isEqualTo(404);
  }

  @Test
  void aTrunkThatNeedsRegistrationShowsOfflineInTheSandbox() throws Exception {
    pbx = PortSipEmulator.start(0, PortSipEmulator.Credentials.SANDBOX, List.of());
    String token = signIn(admin());
    String id =
        JSON.readTree(post("/api/providers", trunk("reg").put("registration", true), token).body())
            .path("id")
            .asText();
    assertThat(get("/api/providers/" + id + "/status", token).body()).contains("OFFLINE");
  }

  @Test
  void adminCredentialsComeFromTheEnvironmentOrTheSandboxDefaults() {
    assertThat(PortSipEmulator.Credentials.fromEnvironment(Map.of()))
        .isEqualTo(new PortSipEmulator.Credentials("admin", "sandbox-portsip-admin"));
    assertThat(
            PortSipEmulator.Credentials.fromEnvironment(
                Map.of("PORTSIP_USERNAME", "ops", "PORTSIP_PASSWORD", "pw")))
        .isEqualTo(new PortSipEmulator.Credentials("ops", "pw"));
    assertThat(new PortSipEmulator.Credentials("ops", "pw-secret").toString())
        .doesNotContain("pw-secret");
  }

  @Test
  void pagesListsWithSkipAndTopAndRefusesATopAbove100() throws Exception {
    pbx = PortSipEmulator.start(0, PortSipEmulator.Credentials.SANDBOX, List.of("a", "b", "c"));
    String token = signIn(admin());
    JsonNode page = JSON.readTree(get("/api/tenants?skip=1&top=1", token).body());
    assertThat(page.path("count").asInt()).isEqualTo(3);
    assertThat(page.path("items")).hasSize(1);
    assertThat(page.path("items").path(0).path("name").asText()).isEqualTo("b");
    assertThat(page.path("items").path(0).path("domain").asText()).isEqualTo("b.sandbox.local");
    assertThat(get("/api/tenants?top=101", token).body())
        .contains("VALIDATE_FAILED")
        .contains("top");
    assertThat(
            JSON.readTree(
                    get(
                            "/api/tenants?filter="
                                + java.net.URLEncoder.encode(
                                        "name eq 'c'", java.nio.charset.StandardCharsets.UTF_8)
                                    .replace("+", "%20"),
                            token)
                        .body())
                .path("count")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void legacyPbxHasNoSignInButAnswersLogin() throws Exception {
    pbx = PortSipEmulator.builder().legacyLoginOnly(true).start(0);
    assertThat(post("/api/auth/sign_in", JSON.valueToTree(admin()), null).statusCode())
        .isEqualTo(404);
    HttpResponse<String> login = post("/api/login", JSON.valueToTree(admin()), null);
    assertThat(login.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(login.body());
    assertThat(body.path("access_token").asText()).isNotBlank();
    assertThat(body.path("expires_at").asText()).isNotBlank();
    assertThat(body.has("refresh_token")).isFalse();
  }

  @Test
  void requestLogMasksPasswordsAndTokens() throws Exception {
    pbx = PortSipEmulator.start(0, PortSipEmulator.Credentials.SANDBOX, List.of());
    String token = signIn(admin());
    post("/api/providers", trunk("masked"), token);
    assertThat(pbx.requests().entries().toString())
        .doesNotContain(PortSipEmulator.SANDBOX_PASSWORD)
        .doesNotContain("twilio-cred-secret")
        .doesNotContain(token);
  }

  private Map<String, String> admin() {
    return Map.of(
        "username", PortSipEmulator.SANDBOX_USERNAME, "password", PortSipEmulator.SANDBOX_PASSWORD);
  }

  private Map<String, String> tenantIds(String token) throws Exception {
    JsonNode items = JSON.readTree(get("/api/tenants", token).body()).path("items");
    Map<String, String> out = new java.util.HashMap<>();
    items.forEach(t -> out.put(t.path("name").asText(), t.path("id").asText()));
    return out;
  }

  private String signIn(Map<String, String> login) throws Exception {
    HttpResponse<String> r = post("/api/auth/sign_in", JSON.valueToTree(login), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).path("access_token").asText();
  }

  private static ObjectNode trunk(String name) {
    return JSON.createObjectNode()
        .put("name", name)
        .put("brand", "Twilio")
        .put("auth_mode", "REGISTER_AUTH")
        .put("transport", "UDP")
        .put("hostname", "portsip-pbx.pstn.twilio.com")
        .put("port", 5060)
        .put("auth_id", "portsip")
        .put("username", "portsip")
        .put("password", "twilio-cred-secret")
        .put("registration", false)
        .put("outbound_server", "portsip-pbx.pstn.twilio.com")
        .put("outbound_server_port", 5060)
        .put("concurrency", 30);
  }

  private static JsonNode pool(String dids, int concurrency) {
    return JSON.createObjectNode().put("did_numbers", dids).put("concurrency", concurrency);
  }

  private HttpResponse<String> post(String path, JsonNode body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(pbx.baseUri() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pbx.baseUri() + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
