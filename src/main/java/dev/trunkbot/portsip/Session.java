package dev.trunkbot.portsip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The login of one client: signs in ({@code /auth/sign_in}, or {@code /login} on PBXs before
 * v22.2), keeps the access token, and renews it shortly before {@code expires_in} runs out (refresh
 * token where the PBX gave one, otherwise a new login). Thread-safe.
 */
final class Session {
  /** Assumed lifetime when a legacy login answers neither expires_in nor expires_at. */
  static final Duration FALLBACK_LIFETIME = Duration.ofMinutes(30);

  private final PortSipConfig config;
  private final Wire wire;
  private final Clock clock;
  private PortSipConfig.LoginApi api;
  private String accessToken;
  private String refreshToken;
  private Instant renewAt = Instant.MIN;

  Session(PortSipConfig config, Wire wire, Clock clock) {
    this.config = config;
    this.wire = wire;
    this.clock = clock;
    this.api = config.login();
  }

  /** A token valid for a while yet: logs in or renews first when needed. */
  synchronized String token() {
    if (accessToken == null) {
      login();
    } else if (!clock.instant().isBefore(renewAt)) {
      renew();
    }
    return accessToken;
  }

  /** The PBX refused {@code token} (401): log in afresh unless another thread already did. */
  synchronized String relogin(String refused) {
    if (refused.equals(accessToken)) {
      login();
    }
    return accessToken;
  }

  /** Signs out where the PBX supports it; failures are ignored (the token expires anyway). */
  synchronized void signOut() {
    if (accessToken != null && api != PortSipConfig.LoginApi.LEGACY) {
      try {
        wire.send("POST", "/auth/sign_out", Map.of(), Optional.empty(), Optional.of(accessToken));
      } catch (PortSipException ignored) {
        // best effort
      }
    }
    accessToken = null;
    refreshToken = null;
  }

  private void renew() {
    if (refreshToken != null) {
      ObjectNode body = Wire.JSON.createObjectNode().put("refresh_token", refreshToken);
      try {
        accept(
            wire.send("POST", "/auth/refresh_token", Map.of(), Optional.of(body), Optional.empty())
                .body());
        return;
      } catch (PortSipFailure refused) {
        // an expired or revoked refresh token: log in again below
      }
    }
    login();
  }

  private void login() {
    ObjectNode body =
        Wire.JSON
            .createObjectNode()
            .put("username", config.username())
            .put("password", config.password());
    config.domain().ifPresent(d -> body.put("domain", d));
    if (api != PortSipConfig.LoginApi.LEGACY) {
      try {
        JsonNode answer =
            wire.send("POST", "/auth/sign_in", Map.of(), Optional.of(body), Optional.empty())
                .body();
        if (answer.path("two_factor_enabled").asBoolean(false)) {
          throw new PortSipException(
              PortSipException.Reason.TWO_FACTOR_REQUIRED,
              "PortSIP account '"
                  + config.username()
                  + "' has two-factor login enabled: the bot cannot answer the"
                  + " one-time code. Use a PBX administrator account without two-factor login for"
                  + " PORTSIP_USERNAME, or turn two-factor login off for it.");
        }
        accept(answer);
        api = PortSipConfig.LoginApi.SIGN_IN;
        return;
      } catch (PortSipFailure e) {
        if (api == PortSipConfig.LoginApi.SIGN_IN || (e.status() != 404 && e.status() != 405)) {
          throw loginFailed(e);
        }
        api = PortSipConfig.LoginApi.LEGACY; // a PBX before v22.2: no /auth/sign_in
      }
    }
    try {
      accept(wire.send("POST", "/login", Map.of(), Optional.of(body), Optional.empty()).body());
    } catch (PortSipFailure e) {
      throw loginFailed(e);
    }
  }

  private PortSipFailure loginFailed(PortSipFailure e) {
    String who =
        "login as '"
            + config.username()
            + "'"
            + config.domain().map(d -> " in domain " + d).orElse("");
    boolean refused = e.status() >= 400 && e.status() < 500 && e.status() != 429;
    String hint =
        refused
            ? "check PORTSIP_USERNAME and PORTSIP_PASSWORD"
                + (config.domain().isPresent() ? " (and PORTSIP_DOMAIN)" : "")
            : "";
    return new PortSipFailure(
        e.operation() + " (" + who + ")",
        e.status(),
        e.code(),
        e.pbxMessage(),
        e.retryAfter(),
        hint);
  }

  private void accept(JsonNode answer) {
    String token = answer.path("access_token").asText("");
    if (token.isEmpty()) {
      throw new PortSipException(
          PortSipException.Reason.BAD_RESPONSE, "PortSIP login answered without an access_token");
    }
    Instant now = clock.instant();
    Duration lifetime = lifetime(answer, now);
    accessToken = token;
    String refresh = answer.path("refresh_token").asText("");
    refreshToken = refresh.isEmpty() ? null : refresh;
    renewAt = now.plus(lifetime).minus(margin(lifetime));
  }

  private static Duration lifetime(JsonNode answer, Instant now) {
    long seconds = answer.path("expires_in").asLong(0);
    if (seconds > 0) {
      return Duration.ofSeconds(seconds);
    }
    String at = answer.path("expires_at").asText("");
    if (!at.isEmpty()) {
      try {
        Duration d = Duration.between(now, OffsetDateTime.parse(at).toInstant());
        if (!d.isNegative() && !d.isZero()) {
          return d;
        }
      } catch (DateTimeParseException ignored) {
        // fall through to the assumed lifetime
      }
    }
    return FALLBACK_LIFETIME;
  }

  /** Renew a tenth of the lifetime early, at most a minute early. */
  static Duration margin(Duration lifetime) {
    Duration tenth = lifetime.dividedBy(10);
    return tenth.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : tenth;
  }
}
