package dev.trunkbot.portsip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.DoubleSupplier;

/**
 * One PortSIP REST exchange: builds the request under the API base, retries 429/5xx (and connection
 * failures of GETs, which change nothing), parses JSON and turns {@code {"errors":[...]}} answers
 * into {@link PortSipFailure}.
 */
final class Wire {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  record Response(int status, JsonNode body) {}

  private final URI apiBase;
  private final HttpClient http;
  private final Clock clock;
  private final Retry retry;
  private final Retry.Sleeper sleeper;
  private final DoubleSupplier random;

  Wire(
      URI apiBase,
      HttpClient http,
      Clock clock,
      Retry retry,
      Retry.Sleeper sleeper,
      DoubleSupplier random) {
    this.apiBase = apiBase;
    this.http = http;
    this.clock = clock;
    this.retry = retry;
    this.sleeper = sleeper;
    this.random = random;
  }

  /**
   * Sends and returns any answer below 400; throws {@link PortSipFailure} for 4xx/5xx (after
   * retries).
   */
  Response send(
      String method,
      String path,
      Map<String, String> query,
      Optional<JsonNode> body,
      Optional<String> bearer) {
    HttpResponse<byte[]> response = exchange(method, path, query, body, bearer);
    JsonNode json = parse(response.body());
    if (response.statusCode() >= 400) {
      throw failure(method + " " + path, response.statusCode(), json, response.body());
    }
    return new Response(response.statusCode(), json);
  }

  private HttpResponse<byte[]> exchange(
      String method,
      String path,
      Map<String, String> query,
      Optional<JsonNode> body,
      Optional<String> bearer) {
    HttpRequest request = request(method, path, query, body, bearer);
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (!Retry.retryable(response.statusCode()) || attempt >= retry.maxAttempts()) {
          return response;
        }
        pause(retry.delay(attempt, response.headers().firstValue("Retry-After"), clock, random));
      } catch (IOException e) {
        if (!method.equals("GET") || attempt >= retry.maxAttempts()) {
          throw new PortSipException(
              PortSipException.Reason.UNREACHABLE,
              "PortSIP " + method + " " + path + " at " + apiBase + " failed: " + describe(e),
              e);
        }
        pause(retry.delay(attempt, Optional.empty(), clock, random));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PortSipException(
            PortSipException.Reason.UNREACHABLE,
            "interrupted while calling PortSIP " + method + " " + path,
            e);
      }
    }
  }

  private void pause(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PortSipException(
          PortSipException.Reason.UNREACHABLE, "interrupted while waiting to retry", e);
    }
  }

  private HttpRequest request(
      String method,
      String path,
      Map<String, String> query,
      Optional<JsonNode> body,
      Optional<String> bearer) {
    StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach((k, v) -> q.add(encode(k) + "=" + encode(v)));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(apiBase + path + q))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    bearer.ifPresent(token -> b.header("Authorization", "Bearer " + token));
    if (method.equals("GET")) {
      b.GET();
    } else {
      byte[] bytes = body.map(Wire::bytes).orElse(new byte[0]);
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
    }
    return b.build();
  }

  static PortSipFailure failure(String operation, int status, JsonNode json, byte[] raw) {
    JsonNode first = json.path("errors").path(0);
    if (first.isObject()) {
      String code = first.path("code").asText("");
      String message = first.path("message").asText("");
      return new PortSipFailure(
          operation,
          status,
          code.isEmpty() ? "UNKNOWN" : code,
          message.isEmpty() ? "(no message)" : message);
    }
    String text = new String(raw, StandardCharsets.UTF_8).strip();
    if (text.length() > 200) {
      text = text.substring(0, 200) + "...";
    }
    return new PortSipFailure(
        operation, status, "UNKNOWN", text.isEmpty() ? "(empty answer)" : text);
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException notJson) {
      return MissingNode.getInstance();
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
  }
}
