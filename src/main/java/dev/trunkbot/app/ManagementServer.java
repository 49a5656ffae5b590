package dev.trunkbot.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * serve's management port: {@code GET /healthz} (the process is alive), {@code GET /readyz} (it can
 * take work: 200 or 503 with one line per check), {@code GET /metrics} (Prometheus text format).
 * The JDK's HTTP server with Nagle's algorithm off, on the address it is told (loopback unless told
 * otherwise).
 */
final class ManagementServer implements AutoCloseable {
  static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService threads;

  private ManagementServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * @param readiness what /readyz answers
   * @param metrics what /metrics answers
   * @throws IOException the address cannot be bound (in use, not this machine's)
   */
  static ManagementServer start(
      InetSocketAddress address, Supplier<Readiness.Report> readiness, Supplier<String> metrics)
      throws IOException {
    // Before the server exists: the JDK reads it once (otherwise each keep-alive exchange stalls).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(address, 16);
    ExecutorService threads =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "trunkbot-management");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
    server.createContext("/healthz", ex -> answer(ex, 200, "text/plain", () -> "ok\n"));
    server.createContext(
        "/readyz",
        ex -> {
          Readiness.Report r = readiness.get();
          answer(ex, r.ready() ? 200 : 503, "text/plain", r::text);
        });
    server.createContext("/metrics", ex -> answer(ex, 200, PROMETHEUS, metrics));
    server.start();
    return new ManagementServer(server, threads);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange ex, int status, String type, Supplier<String> body)
      throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (!path.equals(ex.getHttpContext().getPath())) {
        send(ex, 404, "text/plain", "not found\n");
      } else if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
        ex.getResponseHeaders().add("Allow", "GET, HEAD");
        send(ex, 405, "text/plain", "GET only\n");
      } else {
        String text;
        try {
          text = body.get();
        } catch (RuntimeException e) {
          send(ex, 500, "text/plain", "failed: " + e.getClass().getSimpleName() + "\n");
          return;
        }
        send(ex, status, type, text);
      }
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = "HEAD".equals(ex.getRequestMethod());
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      ex.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
