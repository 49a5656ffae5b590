package dev.trunkbot.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode end on loopback: says hello to each client, sends envelopes, and hands back
 * the client's acknowledgement (with its response payload, if any).
 */
public final class SocketModeServer extends WebSocketServer {
  private final CountDownLatch started = new CountDownLatch(1);
  private final CopyOnWriteArrayList<WebSocket> open = new CopyOnWriteArrayList<>();
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger connections = new AtomicInteger();

  private SocketModeServer() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
    setDaemon(true);
  }

  static SocketModeServer open() throws IOException {
    SocketModeServer s = new SocketModeServer();
    s.start();
    try {
      if (!s.started.await(10, TimeUnit.SECONDS)) {
        throw new IOException("fake Socket Mode server did not start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return s;
  }

  String url() {
    return "ws://127.0.0.1:" + getPort() + "/link/?ticket=" + UUID.randomUUID();
  }

  /** How many sockets have connected so far. */
  public int connections() {
    return connections.get();
  }

  public boolean connected() {
    return !open.isEmpty();
  }

  /** Closes every socket, as Slack does when it moves a connection. */
  public void dropAll() {
    open.forEach(WebSocket::close);
  }

  /** Sends one envelope and waits for its acknowledgement (its payload, or an empty object). */
  public JsonNode deliver(String type, JsonNode payload) throws Exception {
    WebSocket ws = open.isEmpty() ? null : open.get(open.size() - 1);
    if (ws == null) {
      throw new IllegalStateException("no Socket Mode client is connected");
    }
    String id = UUID.randomUUID().toString();
    CompletableFuture<JsonNode> ack = new CompletableFuture<>();
    pending.put(id, ack);
    ObjectNode envelope = FakeSlack.JSON.createObjectNode();
    envelope.put("envelope_id", id).put("type", type).put("accepts_response_payload", true);
    envelope.set("payload", payload);
    ws.send(FakeSlack.JSON.writeValueAsString(envelope));
    try {
      return ack.get(5, TimeUnit.SECONDS);
    } finally {
      pending.remove(id);
    }
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    open.add(conn);
    connections.incrementAndGet();
    conn.send(
        "{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A0FAKE\"}}");
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    open.remove(conn);
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    try {
      JsonNode ack = FakeSlack.JSON.readTree(message);
      CompletableFuture<JsonNode> f = pending.get(ack.path("envelope_id").asText());
      if (f != null) {
        f.complete(ack.has("payload") ? ack.get("payload") : FakeSlack.JSON.createObjectNode());
      }
    } catch (IOException e) {
      // not an acknowledgement
    }
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    // a client that goes away is normal in these tests
  }

  /** Stops the server and closes every socket. */
  public void shutdown() {
    try {
      stop(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
