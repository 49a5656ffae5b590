package dev.trunkbot.portsip;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trunkbot.sandbox.PortSipEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Sets up PBX state the bot would never create itself, straight over HTTP. */
final class PortSipTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PortSipTestSupport() {}

  static void createRaw(PortSipEmulator pbx, String name, String brand, String authMode) {
    try {
      HttpClient http = HttpClient.newHttpClient();
      String login =
          JSON.writeValueAsString(
              Map.of(
                  "username",
                  PortSipEmulator.SANDBOX_USERNAME,
                  "password",
                  PortSipEmulator.SANDBOX_PASSWORD));
      String token =
          JSON.readTree(
                  http.send(
                          HttpRequest.newBuilder(URI.create(pbx.baseUri() + "/api/auth/sign_in"))
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString(login))
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body())
              .path("access_token")
              .asText();
      String body =
          JSON.writeValueAsString(
              Map.of(
                  "name",
                  name,
                  "brand",
                  brand,
                  "auth_mode",
                  authMode,
                  "transport",
                  "UDP",
                  "hostname",
                  "10.0.0.1",
                  "port",
                  5060,
                  "outbound_server",
                  "10.0.0.1",
                  "outbound_server_port",
                  5060,
                  "concurrency",
                  1));
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(pbx.baseUri() + "/api/providers"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201) {
        throw new IllegalStateException("raw create failed: " + r.body());
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
