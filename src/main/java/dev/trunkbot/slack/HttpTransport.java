package dev.trunkbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: {@code POST /slack/events} (slash commands and interactivity) handed to Bolt's request
 * parser and app, which check the signature (forged or older than 5 minutes: 401); {@code GET
 * /healthz} answers 200 while the bot takes commands. The JDK's server, with Nagle's algorithm off.
 */
final class HttpTransport implements AutoCloseable {
  static final String EVENTS = "/slack/events";
  static final String HEALTH = "/healthz";
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
  private static final int MAX_BODY = 1 << 20;

  private final HttpServer server;
  private final ExecutorService threads;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean ready;

  private HttpTransport(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  static HttpTransport start(App app, int port) throws IOException {
    // Before the server exists: the JDK reads it once (otherwise each keep-alive exchange stalls).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    AtomicInteger n = new AtomicInteger();
    ExecutorService threads =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "trunkbot-slack-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    HttpTransport transport = new HttpTransport(server, threads);
    SlackRequestParser parser = new SlackRequestParser(app.config());
    server.createContext(EVENTS, ex -> transport.events(ex, app, parser));
    server.createContext(HEALTH, transport::health);
    server.setExecutor(threads);
    server.start();
    transport.ready = true;
    return transport;
  }

  /** Takes requests (until it is stopped). */
  boolean ready() {
    return ready;
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void events(HttpExchange ex, App app, SlackRequestParser parser) throws IOException {
    inFlight.incrementAndGet();
    try (ex) {
      if (!ex.getRequestURI().getPath().equals(EVENTS)) {
        send(ex, 404, "text/plain", "not found");
        return;
      }
      if (!"POST".equals(ex.getRequestMethod())) {
        ex.getResponseHeaders().add("Allow", "POST");
        send(ex, 405, "text/plain", "POST only");
        return;
      }
      if (!ready) {
        send(ex, 503, "text/plain", "stopping");
        return;
      }
      byte[] body = read(ex.getRequestBody());
      if (body == null) {
        send(ex, 413, "text/plain", "too large");
        return;
      }
      Map<String, List<String>> headers = new HashMap<>(ex.getRequestHeaders());
      Request<?> request =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(ex.getRequestURI().getPath())
                  .queryString(QueryStringParser.toMap(ex.getRequestURI().getRawQuery()))
                  .requestBody(new String(body, StandardCharsets.UTF_8))
                  .headers(new RequestHeaders(headers))
                  .remoteAddress(ex.getRemoteAddress().getAddress().getHostAddress())
                  .build());
      if (request == null) {
        send(ex, 400, "text/plain", "not a Slack request");
        return;
      }
      Response response;
      try {
        response = app.run(request);
      } catch (Exception e) {
        LOG.warn("a Slack request failed: {}", Failures.describe(e));
        response = Response.builder().statusCode(500).body("").build();
      }
      response.getHeaders().forEach((k, v) -> ex.getResponseHeaders().put(k, v));
      send(
          ex,
          response.getStatusCode(),
          response.getContentType(),
          response.getBody() == null ? "" : response.getBody());
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void health(HttpExchange ex) throws IOException {
    try (ex) {
      boolean ok = ready && "GET".equals(ex.getRequestMethod());
      send(ex, ok ? 200 : 503, "text/plain", ok ? "ok" : "not ready");
    }
  }

  private static byte[] read(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    return body.length > MAX_BODY ? null : body;
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (type != null) {
      ex.getResponseHeaders().set("Content-Type", type);
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
  }

  /**
   * Stops taking requests (503 from now on); those under way get up to {@code bound} to finish.
   * (The JDK 17 server's own stop(delay) always waits the whole delay, so it is given 0.)
   */
  void stop(Duration bound) {
    ready = false;
    long end = System.nanoTime() + bound.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() - end < 0) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    server.stop(0);
    threads.shutdown();
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(2));
  }
}
