package dev.trunkbot.portsip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.trunkbot.port.CallObserver;
import dev.trunkbot.port.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.MDC;

/**
 * One PortSIP REST exchange, sent once: builds the request under the API base, parses JSON and
 * turns {@code {"errors":[...]}} answers into {@link PortSipFailure} (carrying {@code Retry-After})
 * and a failed connection into an UNREACHABLE {@link PortSipException}. Retries are the caller's
 * ({@link dev.trunkbot.port.Retrier}).
 */
final class Wire {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  record Response(int status, JsonNode body) {}

  private final URI apiBase;
  private final HttpClient http;
  private final Clock clock;
  private final CallObserver observer;

  Wire(URI apiBase, HttpClient http, Clock clock, CallObserver observer) {
    this.apiBase = apiBase;
    this.http = http;
    this.clock = clock;
    this.observer = observer;
  }

  /** Sends once and returns any answer below 400; throws for 4xx/5xx and for no answer. */
  Response send(
      String method,
      String path,
      Map<String, String> query,
      Optional<JsonNode> body,
      Optional<String> bearer) {
    String operation = operation(method, path);
    long start = System.nanoTime();
    int status = 0;
    try (MDC.MDCCloseable v = MDC.putCloseable("vendor", "portsip");
        MDC.MDCCloseable o = MDC.putCloseable("operation", operation)) {
      Response r = sendOnce(method, path, query, body, bearer);
      status = r.status();
      return r;
    } catch (PortSipFailure f) {
      status = f.status();
      throw f;
    } finally {
      observer.called("portsip", operation, status, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** A method and a path whose ids are replaced by {id}. */
  static String operation(String method, String path) {
    return withoutIds(method + " " + path);
  }

  /**
   * Every path segment that is not a plain lower-case word (an id, a name) replaced by {id}: fit
   * for a metric label.
   */
  static String withoutIds(String operation) {
    return operation.replaceAll("/(?![a-z_]+(?:/|$))[^/\\s]+", "/{id}");
  }

  private Response sendOnce(
      String method,
      String path,
      Map<String, String> query,
      Optional<JsonNode> body,
      Optional<String> bearer) {
    HttpRequest request = request(method, path, query, body, bearer);
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw unreachable(method, path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PortSipException(
          PortSipException.Reason.INTERRUPTED,
          "interrupted while calling PortSIP " + method + " " + path,
          e);
    }
    JsonNode json = parse(response.body());
    if (response.statusCode() >= 400) {
      Optional<Duration> retryAfter =
          response
              .headers()
              .firstValue("Retry-After")
              .flatMap(v -> RetryPolicy.parseRetryAfter(v, clock));
      throw failure(method + " " + path, response.statusCode(), json, response.body(), retryAfter);
    }
    return new Response(response.statusCode(), json);
  }

  /**
   * No answer: a TLS handshake the JDK refused names the setting that fixes it; anything else may
   * pass and is worth retrying.
   */
  private PortSipException unreachable(String method, String path, IOException e) {
    if (e instanceof SSLHandshakeException && untrusted(e)) {
      String m = String.valueOf(e.getMessage());
      boolean wrongName = m.contains("subject alternative") || m.contains("No name matching");
      return new PortSipException(
          PortSipException.Reason.UNTRUSTED_CERTIFICATE,
          wrongName
              ? "PortSIP at "
                  + apiBase
                  + " presents a certificate for another host name: set PORTSIP_URL to the name"
                  + " the PBX's certificate carries"
              : "PortSIP at "
                  + apiBase
                  + " presents a certificate this machine does not trust: set PORTSIP_CA_FILE to"
                  + " a PEM file of the CA that signed it (or of the PBX's self-signed"
                  + " certificate)",
          e);
    }
    return new PortSipException(
        PortSipException.Reason.UNREACHABLE,
        "PortSIP " + method + " " + path + " at " + apiBase + " got no answer: " + describe(e),
        e);
  }

  private static boolean untrusted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException
          || t instanceof java.security.cert.CertPathValidatorException
          || t instanceof java.security.cert.CertPathBuilderException) {
        return true;
      }
      String m = t.getMessage();
      if (m != null && (m.contains("PKIX path") || m.contains("certification path"))) {
        return true;
      }
    }
    return false;
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

  static PortSipFailure failure(
      String operation, int status, JsonNode json, byte[] raw, Optional<Duration> retryAfter) {
    JsonNode first = json.path("errors").path(0);
    String code = "UNKNOWN";
    String message;
    if (first.isObject()) {
      code = first.path("code").asText("").isEmpty() ? "UNKNOWN" : first.path("code").asText();
      message = first.path("message").asText("");
      message = message.isEmpty() ? "(no message)" : message;
    } else {
      String text = new String(raw, StandardCharsets.UTF_8).strip();
      if (text.length() > 200) {
        text = text.substring(0, 200) + "...";
      }
      message = text.isEmpty() ? "(empty answer)" : text;
    }
    return new PortSipFailure(operation, status, code, message, retryAfter, "");
  }

  static PortSipFailure failure(String operation, int status, JsonNode json, byte[] raw) {
    return failure(operation, status, json, raw, Optional.empty());
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
