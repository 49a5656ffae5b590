package dev.trunkbot.slack;

import com.slack.api.bolt.App;
import dev.trunkbot.service.TrunkService;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * The Slack front end of one {@code serve}: Bolt's app with trunkbot's handlers, the status board
 * that keeps each run's message up to date, and the transport Slack reaches it by (Socket Mode or
 * HTTP). {@link #close()} stops taking work, lets the work under way finish (bounded), and draws
 * each status message a last time.
 */
public final class SlackBot implements AutoCloseable {
  /** How long in-flight work gets when stopping. */
  public static final Duration DRAIN = Duration.ofSeconds(10);

  private final App app;
  private final Work work;
  private final StatusBoard board;
  private final AutoCloseable transport;
  private final int port;

  private SlackBot(App app, Work work, StatusBoard board, AutoCloseable transport, int port) {
    this.app = app;
    this.work = work;
    this.board = board;
    this.transport = transport;
    this.port = port;
  }

  /** Starts on {@code port} in HTTP mode (0: any free port); Socket Mode ignores it. */
  public static SlackBot start(SlackConnection conn, TrunkService service, int port)
      throws Exception {
    return start(conn, service, port, Duration.ofSeconds(1), (handler, took) -> {});
  }

  /**
   * @param minEdit the least time between two edits of one message (Slack: about one a second)
   * @param acks receives each acknowledgement's handler and time
   */
  public static SlackBot start(
      SlackConnection conn,
      TrunkService service,
      int port,
      Duration minEdit,
      BiConsumer<String, Duration> acks)
      throws Exception {
    Work work = new Work(8);
    StatusBoard board = new StatusBoard(service, new Poster(conn.client()), minEdit);
    try {
      Bot bot = new Bot(service, work, new Say(conn.slack(), conn.client()));
      App app = SlackApp.build(conn, bot, acks);
      app.start();
      board.start();
      SlackSettings s = conn.settings();
      if (s.mode() == SlackSettings.Mode.SOCKET) {
        return new SlackBot(
            app, work, board, SocketTransport.start(app, s.appToken().orElseThrow(), DRAIN), 0);
      }
      HttpTransport http = HttpTransport.start(app, port);
      return new SlackBot(app, work, board, http, http.port());
    } catch (Exception | Error e) {
      board.close(Duration.ofSeconds(1));
      work.close(Duration.ofSeconds(1));
      throw e;
    }
  }

  /** The HTTP port (HTTP mode), 0 in Socket Mode. */
  public int port() {
    return port;
  }

  /**
   * Whether Slack can reach the bot now: its socket answers a ping (Socket Mode), or its HTTP
   * server takes requests (HTTP mode).
   */
  public boolean connected() {
    if (transport instanceof SocketTransport socket) {
      return socket.connected();
    }
    return transport instanceof HttpTransport http && http.ready();
  }

  /** One line for people: how Slack reaches this bot. */
  public String describe() {
    return port > 0
        ? "HTTP mode on port " + port + " (POST /slack/events, GET /healthz)"
        : "Socket Mode (connected to Slack, no public URL needed)";
  }

  @Override
  public void close() {
    try {
      if (transport instanceof HttpTransport http) {
        http.stop(DRAIN);
      } else {
        transport.close();
      }
    } catch (Exception e) {
      // Closing the transport only stops new work; the rest still runs.
    }
    work.close(DRAIN);
    board.close(DRAIN);
    app.stop();
  }
}
