package dev.trunkbot.slack;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How {@code trunkbot serve} reaches Slack, read from the environment. A wrong or missing setting
 * is an {@link IllegalArgumentException} whose message is one line naming the variable. Tokens and
 * the signing secret never appear in {@link #toString()} or in a message.
 *
 * @param botToken {@code SLACK_BOT_TOKEN} (xoxb-)
 * @param appToken {@code SLACK_APP_TOKEN} (xapp-): present means Socket Mode
 * @param signingSecret {@code SLACK_SIGNING_SECRET}: HTTP mode's request signatures
 * @param apiUrl {@code TRUNKBOT_SLACK_API_URL}: the Web API prefix ending in {@code /api/}
 * @param channels {@code TRUNKBOT_SLACK_CHANNELS}: where {@code /trunk} is accepted (empty: all)
 */
public record SlackSettings(
    String botToken,
    Optional<String> appToken,
    Optional<String> signingSecret,
    Optional<String> apiUrl,
    Set<String> channels) {
  public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
  public static final String APP_TOKEN = "SLACK_APP_TOKEN";
  public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  public static final String API_URL = "TRUNKBOT_SLACK_API_URL";
  public static final String CHANNELS = "TRUNKBOT_SLACK_CHANNELS";
  private static final Pattern CHANNEL = Pattern.compile("[CGD][A-Z0-9]{2,20}");
  private static final Pattern TOKEN_TAIL = Pattern.compile("[\\x21-\\x7E]+");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9]{8,128}");

  /** How Slack reaches the bot. */
  public enum Mode {
    SOCKET,
    HTTP
  }

  public SlackSettings {
    channels = Set.copyOf(channels);
  }

  /** Reads and checks every Slack setting. */
  public static SlackSettings from(Map<String, String> env) {
    Optional<String> bot = value(env, BOT_TOKEN);
    Optional<String> app = value(env, APP_TOKEN);
    Optional<String> secret = value(env, SIGNING_SECRET);
    if (bot.isEmpty()) {
      throw new IllegalArgumentException(
          BOT_TOKEN
              + " is not set: give the app's Bot User OAuth Token (xoxb-...), plus "
              + APP_TOKEN
              + " (xapp-..., Socket Mode) or "
              + SIGNING_SECRET
              + " (HTTP mode)");
    }
    token(BOT_TOKEN, bot.get(), "xoxb-", "the Bot User OAuth Token (OAuth & Permissions)");
    app.ifPresent(
        t ->
            token(
                APP_TOKEN,
                t,
                "xapp-",
                "an app-level token with connections:write (Basic Information)"));
    if (app.isEmpty() && secret.isEmpty()) {
      throw new IllegalArgumentException(
          "neither "
              + APP_TOKEN
              + " (Socket Mode) nor "
              + SIGNING_SECRET
              + " (HTTP mode) is set: give one of them");
    }
    secret.ifPresent(
        s -> {
          if (!SECRET.matcher(s).matches()) {
            throw new IllegalArgumentException(
                SIGNING_SECRET
                    + " is malformed: copy the Signing Secret from the app's Basic Information page"
                    + " (letters and digits)");
          }
        });
    return new SlackSettings(
        bot.get(),
        app,
        secret,
        value(env, API_URL).map(SlackSettings::apiUrl),
        channels(value(env, CHANNELS).orElse("")));
  }

  /** Socket Mode when an app token is set, HTTP mode otherwise. */
  public Mode mode() {
    return appToken.isPresent() ? Mode.SOCKET : Mode.HTTP;
  }

  /** True when {@code /trunk} is accepted in that channel. */
  public boolean allows(String channelId) {
    return channels.isEmpty() || channels.contains(channelId);
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static void token(String name, String value, String prefix, String what) {
    if (!value.startsWith(prefix)
        || !TOKEN_TAIL.matcher(value.substring(prefix.length())).matches()) {
      throw new IllegalArgumentException(
          name + " is malformed: it must start with " + prefix + " (" + what + ")");
    }
  }

  private static String apiUrl(String raw) {
    URI uri;
    try {
      uri = URI.create(raw);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null
        || !raw.endsWith("/api/")) {
      throw new IllegalArgumentException(
          API_URL
              + " must be an http(s) URL ending in /api/, e.g. http://127.0.0.1:8080/api/, got '"
              + raw
              + "'");
    }
    return raw;
  }

  private static Set<String> channels(String raw) {
    List<String> given =
        Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    List<String> wrong = given.stream().filter(s -> !CHANNEL.matcher(s).matches()).toList();
    if (!wrong.isEmpty()) {
      throw new IllegalArgumentException(
          CHANNELS
              + ": "
              + String.join(", ", wrong)
              + " is not a channel id; give ids like C024BE91L, comma-separated"
              + " (a channel's details show its id)");
    }
    return new LinkedHashSet<>(given);
  }

  @Override
  public String toString() {
    return "SlackSettings[mode="
        + mode()
        + ", botToken=****"
        + (appToken.isPresent() ? ", appToken=****" : "")
        + (signingSecret.isPresent() ? ", signingSecret=****" : "")
        + apiUrl.map(u -> ", apiUrl=" + u).orElse("")
        + ", channels="
        + channels
        + "]";
  }
}
