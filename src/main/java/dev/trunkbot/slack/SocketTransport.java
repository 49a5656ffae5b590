package dev.trunkbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode: Bolt's Socket Mode app over Java-WebSocket. The socket URL comes from {@code
 * apps.connections.open} (so from {@code TRUNKBOT_SLACK_API_URL} when set, and may be ws://); the
 * client reconnects by itself when the socket drops.
 */
final class SocketTransport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SocketTransport.class);
  private final SocketModeApp socket;

  private SocketTransport(SocketModeApp socket) {
    this.socket = socket;
  }

  static SocketTransport start(App app, String appToken, Duration connectBound) throws Exception {
    SocketModeApp socket =
        new SocketModeApp(
            appToken,
            SocketModeClient.Backend.JavaWebSocket,
            context -> {
              LOG.warn("a Slack request failed: {}", Failures.describe(context.getException()));
              return null;
            },
            app,
            8);
    socket.startAsync();
    SocketTransport transport = new SocketTransport(socket);
    if (!transport.connected(connectBound)) {
      LOG.warn("Socket Mode not connected after {}; it keeps trying", connectBound);
    }
    return transport;
  }

  /** Waits until the socket answers a ping, up to {@code bound}. */
  boolean connected(Duration bound) throws InterruptedException {
    long end = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() - end < 0) {
      SocketModeClient client = socket.getClient();
      if (client != null && client.verifyConnection()) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** Whether the socket answers a ping now (waits up to Slack's client's 3 s for the pong). */
  boolean connected() {
    SocketModeClient client = socket.getClient();
    return client != null && client.verifyConnection();
  }

  /** Disconnects: no more envelopes arrive; the Bolt app stops. */
  @Override
  public void close() {
    try {
      SocketModeClient client = socket.getClient();
      if (client != null) {
        client.close();
      }
      socket.close();
    } catch (Exception e) {
      LOG.warn("Socket Mode did not close cleanly: {}", Failures.describe(e));
    }
  }
}
