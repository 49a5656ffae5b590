package dev.trunkbot.app;

import dev.trunkbot.service.Role;
import dev.trunkbot.service.TrunkService;
import dev.trunkbot.slack.SlackBot;
import dev.trunkbot.slack.SlackConnection;
import dev.trunkbot.slack.SlackSettings;
import dev.trunkbot.slack.SlackSetupException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One running {@code serve}: Slack's tokens checked, the service opened as a worker (the sandbox's
 * emulators for as long as it lives), and the Slack bot on it. Closing stops taking work, lets the
 * work under way finish, draws each status message a last time, then closes the service.
 */
final class Serving implements AutoCloseable {
  private final TrunkService service;
  private final SlackBot bot;

  private Serving(TrunkService service, SlackBot bot) {
    this.service = service;
    this.bot = bot;
  }

  /**
   * @throws SlackSetupException a Slack token is refused or Slack cannot be reached
   * @throws IllegalArgumentException a setting is wrong (the message names it)
   * @throws IllegalStateException the database or a service cannot be opened
   */
  static Serving start(Map<String, String> env, int port) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    SlackSettings settings = SlackSettings.from(env);
    SlackConnection slack = SlackConnection.of(settings);
    // The database, engine and emulators open while Slack checks the tokens: serve is ready sooner.
    CompletableFuture<TrunkService> opening =
        CompletableFuture.supplyAsync(
            () -> Runtime.open(env, Role.WORKER, slack.groups()).service());
    try {
      slack.check();
    } catch (SlackSetupException e) {
      opening.thenAccept(TrunkService::close);
      throw e;
    }
    TrunkService service;
    try {
      service = opening.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    try {
      return new Serving(service, SlackBot.start(slack, service, port));
    } catch (Exception | Error e) {
      service.close();
      throw e;
    }
  }

  int port() {
    return bot.port();
  }

  /** One line for people: how Slack reaches the bot, and where Twilio and PortSIP are. */
  String describe() {
    return bot.describe() + "; " + service.describe();
  }

  TrunkService service() {
    return service;
  }

  @Override
  public void close() {
    try {
      bot.close();
    } finally {
      service.close();
    }
  }
}
