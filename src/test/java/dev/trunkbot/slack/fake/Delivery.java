package dev.trunkbot.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How Slack hands the bot a command or an interaction: a signed HTTP POST, or a socket envelope.
 */
public interface Delivery {
  /** What the bot acknowledged: HTTP status, body (the ack's payload), and how long it took. */
  record Ack(int status, String body, long nanos) {
    public JsonNode json() {
      try {
        return body.isEmpty() ? FakeSlack.JSON.createObjectNode() : FakeSlack.JSON.readTree(body);
      } catch (IOException e) {
        return FakeSlack.JSON.createObjectNode().put("text", body);
      }
    }
  }

  Ack command(Map<String, String> fields) throws Exception;

  Ack interactive(JsonNode payload) throws Exception;

  /** HTTP mode: POST /slack/events signed with the signing secret, as Slack signs it. */
  static Http http(URI events, String signingSecret) {
    return new Http(events, signingSecret);
  }

  static Delivery socket(SocketModeServer server) {
    return new Delivery() {
      @Override
      public Ack command(Map<String, String> fields) throws Exception {
        ObjectNode payload = FakeSlack.JSON.createObjectNode();
        fields.forEach(payload::put);
        return timed(() -> server.deliver("slash_commands", payload));
      }

      @Override
      public Ack interactive(JsonNode payload) throws Exception {
        return timed(() -> server.deliver("interactive", payload));
      }

      private Ack timed(java.util.concurrent.Callable<JsonNode> send) throws Exception {
        long start = System.nanoTime();
        JsonNode ack = send.call();
        return new Ack(200, ack.isEmpty() ? "" : ack.toString(), System.nanoTime() - start);
      }
    };
  }

  /** Signed HTTP deliveries; {@link #post} can forge or age the signature. */
  final class Http implements Delivery {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final URI events;
    private final String secret;

    Http(URI events, String secret) {
      this.events = events;
      this.secret = secret;
    }

    @Override
    public Ack command(Map<String, String> fields) throws Exception {
      return post(form(fields), Instant.now(), secret);
    }

    @Override
    public Ack interactive(JsonNode payload) throws Exception {
      return post(form(Map.of("payload", payload.toString())), Instant.now(), secret);
    }

    /** Posts {@code body} signed with {@code key} at {@code at}. */
    public Ack post(String body, Instant at, String key) throws Exception {
      String ts = Long.toString(at.getEpochSecond());
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String sig =
          "v0="
              + HexFormat.of()
                  .formatHex(
                      mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
      HttpRequest request =
          HttpRequest.newBuilder(events)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("X-Slack-Request-Timestamp", ts)
              .header("X-Slack-Signature", sig)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      long start = System.nanoTime();
      HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Ack(r.statusCode(), r.body(), System.nanoTime() - start);
    }

    public static String form(Map<String, String> fields) {
      return fields.entrySet().stream()
          .map(
              e ->
                  URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                      + "="
                      + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
    }
  }
}
