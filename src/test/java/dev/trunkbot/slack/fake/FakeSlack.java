package dev.trunkbot.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local Slack for tests: the Web API over HTTP on loopback (every call recorded, Block Kit limits
 * checked, messages kept with each edit), response URLs, and a WebSocket for Socket Mode. Tokens
 * are built at run time and are obviously fake.
 */
public final class FakeSlack implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  public static final String TEAM = "T0FAKE";
  public static final String BOT_USER = "U0BOT";

  /** One Web API call as received. */
  public record Call(
      long seq,
      long nanos,
      String method,
      String token,
      Map<String, String> params,
      String replica) {
    public JsonNode json(String param) {
      try {
        return JSON.readTree(params.getOrDefault(param, "null"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A message the bot posted, with the time of every edit. */
  public static final class Posted {
    public final String channel;
    public final String ts;
    public final String threadTs;
    public final List<JsonNode> versions = new CopyOnWriteArrayList<>();
    public final List<Long> editNanos = new CopyOnWriteArrayList<>();

    Posted(String channel, String ts, String threadTs, JsonNode blocks) {
      this.channel = channel;
      this.ts = ts;
      this.threadTs = threadTs;
      versions.add(blocks);
    }

    public JsonNode blocks() {
      return versions.get(versions.size() - 1);
    }

    /** The message as a client shows it now, kept as it is while the bot edits it. */
    public Posted seen() {
      return new Posted(channel, ts, threadTs, blocks());
    }

    public String text() {
      StringBuilder s = new StringBuilder();
      blocks()
          .findValues("text")
          .forEach(
              t -> s.append(t.isTextual() ? t.asText() : t.path("text").asText()).append('\n'));
      return s.toString();
    }
  }

  /** A POST to a response URL. */
  public record Responded(String url, JsonNode body) {}

  final String botToken;
  final String appToken;
  final List<Call> calls = new CopyOnWriteArrayList<>();
  final List<String> violations = new CopyOnWriteArrayList<>();
  final Map<String, Posted> messages = new ConcurrentHashMap<>();
  final List<Responded> responses = new CopyOnWriteArrayList<>();
  final List<JsonNode> views = new CopyOnWriteArrayList<>();
  final Map<String, Long> triggers = new ConcurrentHashMap<>();
  final Map<String, List<String>> groups = new ConcurrentHashMap<>();
  final List<String> unpostable = new CopyOnWriteArrayList<>();
  final AtomicInteger rateLimitUpdates = new AtomicInteger();
  volatile int retryAfterSeconds = 1;
  volatile boolean refuseAuth;
  volatile long updateMillis;
  final List<String> overlappingEdits = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> editing = new ConcurrentHashMap<>();
  private final AtomicLong seq = new AtomicLong();
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000_000L);
  private final HttpServer server;
  private final FakeApi api;
  final SocketModeServer socket;

  private FakeSlack() throws IOException {
    this.botToken = "xoxb-" + "fake_bot_token_for_tests";
    this.appToken = "xapp-" + "fake_app_token_for_tests";
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api = new FakeApi(this);
    server.createContext("/api/", this::api);
    server.createContext("/replica/", this::api);
    server.createContext("/respond/", this::respond);
    // A thread per request, as Slack answers many clients at once: a call is recorded when it
    // arrives, not after waiting for a free thread (replicas' calls keep their order in time).
    server.setExecutor(Executors.newCachedThreadPool(r -> daemon(r, "fake-slack")));
    server.start();
    socket = SocketModeServer.open();
  }

  public static FakeSlack start() throws IOException {
    return new FakeSlack();
  }

  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** {@code TRUNKBOT_SLACK_API_URL}. */
  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /**
   * {@code TRUNKBOT_SLACK_API_URL} for one of several replicas of the bot: the same Slack, with
   * each call recorded under {@code replica} ({@link Call#replica()}).
   */
  public String apiUrl(String replica) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/replica/" + replica + "/api/";
  }

  /** Each chat.update takes this long to answer (so that two edits at once would overlap). */
  public void updateLatency(Duration d) {
    updateMillis = d.toMillis();
  }

  /** The chat.update calls that came while another edit of the same message was under way. */
  public List<String> overlappingEdits() {
    return List.copyOf(overlappingEdits);
  }

  public String botToken() {
    return botToken;
  }

  public String appToken() {
    return appToken;
  }

  public SocketModeServer socket() {
    return socket;
  }

  /** The env for Socket Mode (HTTP mode: add a signing secret and drop the app token). */
  public Map<String, String> socketEnv() {
    return new HashMap<>(
        Map.of(
            "SLACK_BOT_TOKEN",
            botToken,
            "SLACK_APP_TOKEN",
            appToken,
            "TRUNKBOT_SLACK_API_URL",
            apiUrl()));
  }

  public Map<String, String> httpEnv(String signingSecret) {
    return new HashMap<>(
        Map.of(
            "SLACK_BOT_TOKEN",
            botToken,
            "SLACK_SIGNING_SECRET",
            signingSecret,
            "TRUNKBOT_SLACK_API_URL",
            apiUrl()));
  }

  public String newTrigger() {
    String id = "trigger-" + seq.incrementAndGet();
    triggers.put(id, System.nanoTime());
    return id;
  }

  public String responseUrl() {
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/respond/"
        + seq.incrementAndGet();
  }

  public void group(String id, List<String> members) {
    groups.put(id, List.copyOf(members));
  }

  /** The next {@code n} chat.update calls are answered 429 with Retry-After {@code seconds}. */
  public void rateLimitUpdates(int n, int seconds) {
    retryAfterSeconds = seconds;
    rateLimitUpdates.set(n);
  }

  public void refuseAuth(boolean refuse) {
    this.refuseAuth = refuse;
  }

  /** Posting in this channel fails with not_in_channel. */
  public void notInChannel(String channel) {
    unpostable.add(channel);
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  public List<String> violations() {
    return List.copyOf(violations);
  }

  public List<Posted> messages(Predicate<Posted> filter) {
    List<Posted> out = new ArrayList<>(messages.values());
    out.removeIf(filter.negate());
    out.sort((a, b) -> a.ts.compareTo(b.ts));
    return out;
  }

  /** The views opened so far, oldest first (with the id Slack gave them). */
  public List<JsonNode> views() {
    return List.copyOf(views);
  }

  public List<Responded> responses() {
    return List.copyOf(responses);
  }

  /** Every text the bot sent to Slack: call parameters (not tokens) and response-URL bodies. */
  public String everythingSent() {
    StringBuilder s = new StringBuilder();
    calls.forEach(c -> s.append(c.method()).append(' ').append(c.params()).append('\n'));
    responses.forEach(r -> s.append(r.body()).append('\n'));
    return s.toString();
  }

  String nextTs() {
    long micros = clock.incrementAndGet();
    return micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
  }

  private void api(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String replica = "";
      if (path.startsWith("/replica/")) {
        int slash = path.indexOf('/', "/replica/".length());
        replica = path.substring("/replica/".length(), slash);
        path = path.substring(slash);
      }
      String method = path.substring("/api/".length());
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> params = form(body);
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      String token =
          auth != null && auth.startsWith("Bearer ")
              ? auth.substring(7)
              : params.getOrDefault("token", "");
      params.remove("token");
      Call call =
          new Call(
              seq.incrementAndGet(), System.nanoTime(), method, token, Map.copyOf(params), replica);
      calls.add(call);
      FakeApi.Answer answer;
      if (method.equals("chat.update")) {
        answer = edit(call);
      } else {
        answer = api.answer(call);
      }
      if (answer.retryAfter() > 0) {
        ex.getResponseHeaders().set("Retry-After", Integer.toString(answer.retryAfter()));
      }
      send(ex, answer.status(), answer.body());
    }
  }

  /** An edit, watched for another edit of the same message under way at the same time. */
  private FakeApi.Answer edit(Call call) {
    String message = call.params().get("channel") + "/" + call.params().get("ts");
    AtomicInteger now = editing.computeIfAbsent(message, m -> new AtomicInteger());
    if (now.incrementAndGet() > 1) {
      overlappingEdits.add(message + " (call " + call.seq() + " from " + call.replica() + ")");
    }
    try {
      if (updateMillis > 0) {
        Thread.sleep(updateMillis);
      }
      return api.answer(call);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return api.answer(call);
    } finally {
      now.decrementAndGet();
    }
  }

  private void respond(HttpExchange ex) throws IOException {
    try (ex) {
      JsonNode body = JSON.readTree(ex.getRequestBody());
      responses.add(new Responded(ex.getRequestURI().toString(), body));
      List<String> wrong = BlockKitRules.message(body.path("blocks"));
      wrong.forEach(w -> violations.add("response: " + w));
      send(ex, 200, JSON.createObjectNode().put("ok", wrong.isEmpty()));
    }
  }

  static void send(HttpExchange ex, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    socket.shutdown();
  }
}
