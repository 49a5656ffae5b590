package dev.trunkbot.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server under every emulator: loopback only, Nagle off, routes by method and path
 * pattern, fault injection per route and a request log. Emulators supply the routes and their
 * vendor's error shapes.
 */
public final class EmulatorServer implements AutoCloseable {
  static {
    // Without this the JDK server leaves Nagle on and each keep-alive exchange stalls ~40 ms on
    // delayed ACKs.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final Logger log = LoggerFactory.getLogger(EmulatorServer.class);

  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    Reply handle(Call call) throws Exception;
  }

  private record Route(String endpoint, String method, Pattern path, Handler handler) {}

  private final String name;
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Route> routes;
  private final Handler unmatched;
  private final IntFunction<Reply> injected;
  private final Faults faults;
  private final RequestLog requests = new RequestLog();
  private final InFlight inFlight = new InFlight();

  private EmulatorServer(Builder b, HttpServer server, ExecutorService executor) {
    this.name = b.name;
    this.server = server;
    this.executor = executor;
    this.routes = List.copyOf(b.routes);
    this.unmatched = b.unmatched;
    this.injected = b.injected;
    this.faults = new Faults(b.seed);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** {@code http://127.0.0.1:PORT} */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public Faults faults() {
    return faults;
  }

  public RequestLog requests() {
    return requests;
  }

  /** Requests being served at once, and the most at once (counted here, not by clients). */
  public InFlight inFlight() {
    return inFlight;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve(HttpExchange exchange) {
    long started = System.nanoTime();
    Instant at = Instant.now();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String endpoint = "unmatched";
    Map<String, String> params = Map.of();
    int status = -1;
    boolean logged = false;
    boolean counted = true;
    inFlight.enter();
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Route route = null;
      Matcher matcher = null;
      for (Route r : routes) {
        Matcher m = r.path.matcher(path);
        if (r.method.equals(method) && m.matches()) {
          route = r;
          matcher = m;
          break;
        }
      }
      if (route != null) {
        endpoint = route.endpoint;
      }
      Call call =
          new Call(
              method,
              path,
              exchange.getRequestURI().getRawQuery(),
              matcher == null ? Pattern.compile(".*").matcher(path) : matcher,
              exchange.getRequestHeaders(),
              body);
      params = call.loggableParams();

      Faults.Decision decision = faults.decide(endpoint);
      if (decision.delayMillis() > 0) {
        Thread.sleep(decision.delayMillis());
      }
      Reply reply;
      switch (decision.action()) {
        case SERVE_THEN_DROP:
        case DROP:
          if (decision.action() == Faults.Decision.Action.SERVE_THEN_DROP) {
            answer(route, call); // the emulator acts; the client hears nothing
          }
          status = -1;
          // logged before the connection closes, so a client that sees the drop also sees the entry
          requests.add(
              at,
              endpoint,
              method,
              path,
              params,
              status,
              Duration.ofNanos(System.nanoTime() - started));
          logged = true;
          return; // closing the exchange without an answer drops the connection
        case FAIL:
          reply = injected.apply(decision.status());
          break;
        case SERVE_THEN_FAIL:
          answer(route, call);
          reply = injected.apply(decision.status());
          break;
        default:
          reply = answer(route, call);
      }
      status = reply.status();
      // Logged before the answer goes out, so a client that has its answer always finds the request
      // in the log.
      requests.add(
          at,
          endpoint,
          method,
          path,
          params,
          status,
          Duration.ofNanos(System.nanoTime() - started));
      logged = true;
      inFlight.leave();
      counted = false;
      send(exchange, reply);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.debug("{} emulator: connection failed while answering {} {}", name, method, path, e);
    } finally {
      if (counted) {
        inFlight.leave();
      }
      if (!logged) {
        requests.add(
            at,
            endpoint,
            method,
            path,
            params,
            status,
            Duration.ofNanos(System.nanoTime() - started));
      }
    }
  }

  private Reply answer(Route route, Call call) {
    try {
      return route == null ? unmatched.handle(call) : route.handler.handle(call);
    } catch (Exception e) {
      log.warn("{} emulator: handler for {} {} failed", name, call.method(), call.path(), e);
      return injected.apply(500);
    }
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    byte[] body = reply.body();
    boolean noBody =
        body.length == 0 || reply.status() == 204 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Collects the routes of one emulator, then {@link #start(int)}s it. */
  public static final class Builder {
    private final String name;
    private final List<Route> routes = new ArrayList<>();
    private Handler unmatched =
        call -> Reply.text(404, "no such endpoint: " + call.method() + " " + call.path());
    private IntFunction<Reply> injected =
        status -> Reply.text(status, "injected failure " + status);
    private long seed = 42;
    private InetAddress address = InetAddress.getLoopbackAddress();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Adds a route. {@code pathRegex} must match the whole raw path; named groups become {@link
     * Call#pathParam(String)}. {@code endpoint} names the route in faults and the request log.
     */
    public Builder route(String endpoint, String method, String pathRegex, Handler handler) {
      routes.add(new Route(endpoint, method, Pattern.compile(pathRegex), handler));
      return this;
    }

    /** Answers requests no route matches (the vendor's 404 or 405). */
    public Builder unmatched(Handler handler) {
      this.unmatched = Objects.requireNonNull(handler);
      return this;
    }

    /** Renders an injected or internal failure status in the vendor's error shape. */
    public Builder injectedReply(IntFunction<Reply> render) {
      this.injected = Objects.requireNonNull(render);
      return this;
    }

    /** Seed of the random numbers behind rates and jitter, so a run can be repeated. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Where to listen (default loopback): another address only for a sandbox shared by several
     * processes on a private network (containers of one compose project).
     */
    public Builder address(InetAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Starts serving on its address (loopback by default); port 0 takes any free port. */
    public EmulatorServer start(int port) throws IOException {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(
            "port must be 0 (any free port) or 1-65535, got " + port);
      }
      HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 128);
      ExecutorService executor =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, name + "-emulator");
                t.setDaemon(true);
                return t;
              });
      server.setExecutor(executor);
      EmulatorServer emulator = new EmulatorServer(this, server, executor);
      server.createContext("/", emulator::serve);
      server.start();
      return emulator;
    }
  }
}
