package dev.trunkbot.app;

import dev.trunkbot.service.AccessCheck;
import dev.trunkbot.service.Operations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What /readyz answers: ready when the database answers now, Slack is connected, and Twilio and
 * PortSIP accepted the credentials at the last check (asked at start and every {@code every}
 * after), and the process is not stopping. Each check's line says what it found.
 */
final class Readiness implements AutoCloseable {
  private static final Duration DATABASE_BOUND = Duration.ofSeconds(2);
  private static final Duration SLACK_CACHE = Duration.ofSeconds(5);

  /** The answer: ready or not, and one line per check. */
  record Report(boolean ready, List<String> lines) {
    String text() {
      return String.join("\n", lines) + "\n";
    }
  }

  private final Operations operations;
  private final BooleanSupplier slack;
  private final ScheduledExecutorService timer;
  private volatile AccessCheck access;
  private volatile boolean stopping;
  private volatile boolean slackConnected;
  private volatile long slackCheckedAt = System.nanoTime() - SLACK_CACHE.toNanos() - 1;

  Readiness(Operations operations, BooleanSupplier slackConnected, Duration every) {
    this.operations = operations;
    this.slack = slackConnected;
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread th = new Thread(r, "trunkbot-readiness");
              th.setDaemon(true);
              return th;
            });
    t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.timer = t;
    timer.scheduleWithFixedDelay(this::checkAccess, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void checkAccess() {
    try {
      access = operations.checkAccess();
    } catch (RuntimeException e) {
      access = null;
    }
  }

  /** From now on not ready: the process is stopping (load balancers stop sending it work). */
  void stopping() {
    stopping = true;
  }

  Report report() {
    List<String> lines = new ArrayList<>();
    boolean ready = !stopping;
    if (stopping) {
      lines.add("stopping");
    }
    boolean database = database();
    lines.add("database: " + (database ? "ok" : "not answering within " + DATABASE_BOUND));
    boolean connected = slack();
    lines.add("slack: " + (connected ? "connected" : "not connected"));
    AccessCheck a = access;
    if (a == null) {
      lines.add("twilio, portsip: credentials not checked yet");
    } else {
      lines.add("twilio: " + (a.twilio() ? "credentials accepted" : "credentials refused"));
      lines.add("portsip: " + (a.portsip() ? "credentials accepted" : "credentials refused"));
      lines.add("checked at " + a.at());
      a.problems().forEach(p -> lines.add("  " + p));
    }
    ready &= database && connected && a != null && a.accepted();
    lines.add(0, ready ? "ready" : "not ready");
    return new Report(ready, lines);
  }

  private boolean database() {
    try {
      CompletableFuture.supplyAsync(operations::activity)
          .get(DATABASE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }

  private boolean slack() {
    long now = System.nanoTime();
    if (now - slackCheckedAt > SLACK_CACHE.toNanos()) {
      slackConnected = slack.getAsBoolean();
      slackCheckedAt = now;
    }
    return slackConnected;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
