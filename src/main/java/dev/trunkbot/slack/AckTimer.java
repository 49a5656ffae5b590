package dev.trunkbot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every acknowledgement from Bolt's middleware to the handler's answer, by handler ({@code
 * /trunk create}, {@code block trunk_approve}, {@code view trunk_create}); warns when one comes
 * near Slack's 3 seconds, and hands each figure to a sink (benchmarks, metrics).
 */
final class AckTimer implements Middleware {
  private static final Logger LOG = LoggerFactory.getLogger(AckTimer.class);
  private static final Duration SLOW = Duration.ofMillis(1_500);
  private final BiConsumer<String, Duration> sink;

  AckTimer(BiConsumer<String, Duration> sink) {
    this.sink = sink;
  }

  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware interface takes a raw Request
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    long start = System.nanoTime();
    try {
      return chain.next(req);
    } finally {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String handler = handler(req);
      if (took.compareTo(SLOW) > 0) {
        LOG.warn(
            "{} took {} ms to acknowledge (Slack gives up at 3,000)", handler, took.toMillis());
      }
      sink.accept(handler, took);
    }
  }

  static String handler(Request<?> req) {
    if (req instanceof SlashCommandRequest c) {
      String text = c.getPayload().getText() == null ? "" : c.getPayload().getText().strip();
      String sub = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      return c.getPayload().getCommand() + (sub.isEmpty() ? "" : " " + Mrkdwn.cut(sub, 20));
    }
    if (req instanceof BlockActionRequest b
        && b.getPayload().getActions() != null
        && !b.getPayload().getActions().isEmpty()) {
      return "block " + b.getPayload().getActions().get(0).getActionId();
    }
    if (req instanceof ViewSubmissionRequest v) {
      return "view " + v.getPayload().getView().getCallbackId();
    }
    return req.getRequestType().name();
  }
}
