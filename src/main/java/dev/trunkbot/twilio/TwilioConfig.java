package dev.trunkbot.twilio;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach Twilio: the account SID, the Basic-auth user and secret (the account SID and auth
 * token, or an API key SID and its secret), and optionally another base URL (sandbox, tests)
 * instead of https://*.twilio.com. {@link #toString()} never shows the secret.
 */
public record TwilioConfig(
    String accountSid, String username, String secret, Optional<URI> baseUrl) {
  public static final String ACCOUNT_SID = "TWILIO_ACCOUNT_SID";
  public static final String AUTH_TOKEN = "TWILIO_AUTH_TOKEN";
  public static final String API_KEY = "TWILIO_API_KEY";
  public static final String API_SECRET = "TWILIO_API_SECRET";
  public static final String BASE_URL = "TRUNKBOT_TWILIO_BASE_URL";

  private static final Pattern ACCOUNT = Pattern.compile("AC[0-9a-f]{32}");
  private static final Pattern KEY = Pattern.compile("SK[0-9a-f]{32}");

  public TwilioConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    require(
        accountSid != null && ACCOUNT.matcher(accountSid).matches(),
        ACCOUNT_SID,
        "must be 'AC' followed by 32 lowercase hex digits");
    require(
        username != null && (username.equals(accountSid) || KEY.matcher(username).matches()),
        API_KEY,
        "the Basic-auth user must be the account SID or an API key SID ('SK' + 32 hex digits)");
    require(
        secret != null && !secret.isBlank(),
        username != null && username.startsWith("SK") ? API_SECRET : AUTH_TOKEN,
        "must not be empty");
    baseUrl.ifPresent(
        u ->
            require(
                ("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
                    && u.getHost() != null
                    && u.getRawQuery() == null,
                BASE_URL,
                "must be an http(s) URL without query, e.g. http://127.0.0.1:8080"));
  }

  /** Account SID + auth token. */
  public static TwilioConfig ofAuthToken(String accountSid, String authToken) {
    return new TwilioConfig(accountSid, accountSid, authToken, Optional.empty());
  }

  /** The same account and credentials, served at another base URL (sandbox, tests). */
  public TwilioConfig withBaseUrl(URI url) {
    return new TwilioConfig(accountSid, username, secret, Optional.of(url));
  }

  /**
   * From environment variables: {@code TWILIO_ACCOUNT_SID} plus {@code TWILIO_API_KEY}/{@code
   * TWILIO_API_SECRET} when both are set, otherwise {@code TWILIO_AUTH_TOKEN}; {@code
   * TRUNKBOT_TWILIO_BASE_URL} when set. Empty when no Twilio account is configured (the caller then
   * runs the sandbox). Throws {@link IllegalArgumentException} naming the variable when one is set
   * but wrong or its partner is missing.
   */
  public static Optional<TwilioConfig> fromEnvironment(Map<String, String> env) {
    String account = get(env, ACCOUNT_SID);
    String token = get(env, AUTH_TOKEN);
    String key = get(env, API_KEY);
    String keySecret = get(env, API_SECRET);
    String base = get(env, BASE_URL);
    if (account == null) {
      require(
          token == null && key == null && keySecret == null,
          ACCOUNT_SID,
          "is required when TWILIO_AUTH_TOKEN or TWILIO_API_KEY/TWILIO_API_SECRET are set");
      return Optional.empty();
    }
    require(
        (key == null) == (keySecret == null),
        key == null ? API_KEY : API_SECRET,
        "TWILIO_API_KEY and TWILIO_API_SECRET must be set together");
    require(
        key != null || token != null,
        AUTH_TOKEN,
        "is required with TWILIO_ACCOUNT_SID (or set TWILIO_API_KEY and TWILIO_API_SECRET)");
    Optional<URI> url;
    try {
      url = Optional.ofNullable(base).map(URI::create);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(BASE_URL + " is not a URL: " + e.getMessage(), e);
    }
    return Optional.of(
        key != null
            ? new TwilioConfig(account, key, keySecret, url)
            : new TwilioConfig(account, account, token, url));
  }

  @Override
  public String toString() {
    return "TwilioConfig[accountSid="
        + accountSid
        + ", username="
        + username
        + ", secret=****, baseUrl="
        + baseUrl.map(URI::toString).orElse("https://*.twilio.com")
        + "]";
  }

  private static String get(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static void require(boolean ok, String variable, String what) {
    if (!ok) {
      throw new IllegalArgumentException(variable + " " + what);
    }
  }
}
