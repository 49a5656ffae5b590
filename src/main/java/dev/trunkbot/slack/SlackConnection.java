package dev.trunkbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import dev.trunkbot.service.GroupDirectory;
import java.io.IOException;

/**
 * The Web API client of one {@code serve}, pointed at Slack or at {@code TRUNKBOT_SLACK_API_URL},
 * with its tokens checked before anything else starts: the bot token by {@code auth.test}, the app
 * token (Socket Mode) by {@code apps.connections.open}.
 */
public final class SlackConnection {
  private final SlackSettings settings;
  private final Slack slack;
  private final MethodsClient client;

  private SlackConnection(SlackSettings settings, Slack slack) {
    this.settings = settings;
    this.slack = slack;
    this.client = slack.methods(settings.botToken());
  }

  /** The client, not yet checked: nothing is sent to Slack until {@link #check()}. */
  public static SlackConnection of(SlackSettings settings) {
    SlackConfig config = new SlackConfig();
    settings.apiUrl().ifPresent(config::setMethodsEndpointUrlPrefix);
    config.setPrettyResponseLoggingEnabled(false);
    // Its call statistics resolve each token's team with an extra auth.test call (and log an error
    // for the app-level token): trunkbot reads none of them.
    config.setStatsEnabled(false);
    return new SlackConnection(settings, Slack.getInstance(config));
  }

  /** {@link #of} and {@link #check()}. */
  public static SlackConnection open(SlackSettings settings) throws SlackSetupException {
    SlackConnection connection = of(settings);
    connection.check();
    return connection;
  }

  /**
   * Asks Slack whether the tokens are good.
   *
   * @throws SlackSetupException naming the variable whose token Slack refused, or saying Slack
   *     could not be reached
   */
  public void check() throws SlackSetupException {
    String where = settings.apiUrl().orElse("Slack");
    var auth =
        check(
            () -> slack.methods().authTest(r -> r.token(settings.botToken())),
            SlackSettings.BOT_TOKEN,
            "auth.test",
            where);
    if (!auth.isOk()) {
      throw refused(SlackSettings.BOT_TOKEN, "auth.test", auth.getError());
    }
    if (settings.appToken().isPresent()) {
      var open =
          check(
              () -> slack.methods().appsConnectionsOpen(r -> r.token(settings.appToken().get())),
              SlackSettings.APP_TOKEN,
              "apps.connections.open",
              where);
      if (!open.isOk()) {
        throw refused(SlackSettings.APP_TOKEN, "apps.connections.open", open.getError());
      }
    }
  }

  private static <T> T check(Call<T> call, String variable, String method, String where)
      throws SlackSetupException {
    try {
      return call.get();
    } catch (SlackApiException e) {
      throw refused(variable, method, "HTTP " + e.getResponse().code());
    } catch (IOException | RuntimeException e) {
      throw new SlackSetupException(
          "cannot reach "
              + where
              + " to check "
              + variable
              + " ("
              + method
              + "): "
              + e.getMessage(),
          false);
    }
  }

  private static SlackSetupException refused(String variable, String method, String error) {
    return new SlackSetupException(
        variable
            + " was refused by Slack ("
            + method
            + ": "
            + error
            + "): copy it again from the app's settings, and reinstall the app if its scopes changed",
        true);
  }

  @FunctionalInterface
  private interface Call<T> {
    T get() throws IOException, SlackApiException;
  }

  public SlackSettings settings() {
    return settings;
  }

  /** Approvers' user groups, read from Slack and cached briefly. */
  public GroupDirectory groups() {
    return new SlackGroupDirectory(client, SlackGroupDirectory.EXPIRY);
  }

  Slack slack() {
    return slack;
  }

  MethodsClient client() {
    return client;
  }
}
