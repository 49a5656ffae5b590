package dev.trunkbot.app;

import dev.trunkbot.port.CallObserver;
import dev.trunkbot.service.Role;
import dev.trunkbot.service.TrunkService;
import dev.trunkbot.slack.SlackBot;
import dev.trunkbot.slack.SlackConnection;
import dev.trunkbot.slack.SlackSettings;
import dev.trunkbot.slack.SlackSetupException;
import dev.trunkbot.workflow.EngineObserver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One running {@code serve}: Slack's tokens checked, the service opened as a worker (the sandbox's
 * emulators for as long as it lives), the Slack bot on it, and the management port (health,
 * readiness, metrics). Closing says "not ready" at once, stops taking work, lets the work under way
 * finish, draws each status message a last time, closes the service, then the management port.
 */
final class Serving implements AutoCloseable {
  /** How often Twilio and PortSIP are asked whether they accept the credentials (readiness). */
  static final Duration ACCESS_CHECK = Duration.ofMinutes(1);

  private final TrunkService service;
  private final SlackBot bot;
  private final Readiness readiness;
  private final ManagementServer management;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private Serving(
      TrunkService service, SlackBot bot, Readiness readiness, ManagementServer management) {
    this.service = service;
    this.bot = bot;
    this.readiness = readiness;
    this.management = management;
  }

  /**
   * As {@link #start(Map, int, InetSocketAddress)}, the management port on any free loopback port.
   */
  static Serving start(Map<String, String> env, int port) throws Exception {
    return start(env, port, new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
  }

  /**
   * @param management where the management port listens
   * @throws SlackSetupException a Slack token is refused or Slack cannot be reached
   * @throws IllegalArgumentException a setting is wrong (the message names it)
   * @throws IllegalStateException the database or a service cannot be opened
   * @throws java.io.IOException the management port cannot be bound
   */
  static Serving start(Map<String, String> env, int port, InetSocketAddress management)
      throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    SlackSettings settings = SlackSettings.from(env);
    SlackConnection slack = SlackConnection.of(settings);
    Metrics metrics = new Metrics();
    // The database, engine and emulators open while Slack checks the tokens: serve is ready sooner.
    CompletableFuture<Runtime> opening =
        CompletableFuture.supplyAsync(
            () ->
                Runtime.open(
                    env,
                    Role.WORKER,
                    slack.groups(),
                    Optional.empty(),
                    (CallObserver) metrics,
                    (EngineObserver) metrics));
    try {
      slack.check();
    } catch (SlackSetupException e) {
      opening.thenAccept(r -> r.service().close());
      throw e;
    }
    Runtime runtime;
    try {
      runtime = opening.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    TrunkService service = runtime.service();
    SlackBot bot = null;
    Readiness readiness = null;
    try {
      bot = SlackBot.start(slack, service, port, Duration.ofSeconds(1), metrics::acked);
      readiness = new Readiness(runtime.operations(), bot::connected, ACCESS_CHECK);
      var operations = runtime.operations();
      ManagementServer server =
          ManagementServer.start(
              management, readiness::report, () -> metrics.scrape(operations::activity));
      return new Serving(service, bot, readiness, server);
    } catch (Exception | Error e) {
      if (readiness != null) {
        readiness.close();
      }
      if (bot != null) {
        bot.close();
      }
      service.close();
      throw e;
    }
  }

  int port() {
    return bot.port();
  }

  int managementPort() {
    return management.port();
  }

  /** One line for people: how Slack reaches the bot, and where Twilio and PortSIP are. */
  String describe() {
    return bot.describe() + "; " + service.describe();
  }

  TrunkService service() {
    return service;
  }

  /** Closes once; later calls do nothing (a signal and the command may both close). */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    readiness.stopping();
    try {
      bot.close();
    } finally {
      try {
        service.close();
      } finally {
        readiness.close();
        management.close();
      }
    }
  }
}
