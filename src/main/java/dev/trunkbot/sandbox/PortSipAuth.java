package dev.trunkbot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Logins, bearer tokens with expiry, and the per-minute rate limit of the emulated PBX. */
final class PortSipAuth {
  /** A handler that also gets who is logged in. */
  @FunctionalInterface
  interface AuthedHandler {
    Reply handle(Call call, PortSipPbx.Principal who) throws Exception;
  }

  private record Grant(PortSipPbx.Principal who, Instant expires) {}

  private final PortSipPbx pbx;
  private final PortSipEmulator.Credentials credentials;
  private final Clock clock;
  private final Duration lifetime;
  private final int rateLimit;
  private final boolean twoFactor;
  private final boolean legacyOnly;
  private final Map<String, Grant> access = new ConcurrentHashMap<>();
  private final Map<String, Grant> refresh = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private long window = Long.MIN_VALUE;
  private int inWindow;

  PortSipAuth(
      PortSipPbx pbx,
      PortSipEmulator.Credentials credentials,
      Clock clock,
      Duration lifetime,
      int rateLimit,
      boolean twoFactor,
      boolean legacyOnly) {
    this.pbx = pbx;
    this.credentials = credentials;
    this.clock = clock;
    this.lifetime = lifetime;
    this.rateLimit = rateLimit;
    this.twoFactor = twoFactor;
    this.legacyOnly = legacyOnly;
  }

  Reply signIn(Call call) throws Exception {
    return limited(
            c -> {
              if (legacyOnly) {
                return noSuchEndpoint(c);
              }
              return login(c)
                  .map(
                      who -> {
                        if (twoFactor) {
                          return Reply.json(
                              200,
                              PortSipPbx.JSON
                                  .createObjectNode()
                                  .put("two_factor_enabled", true)
                                  .put("token", newToken()));
                        }
                        return Reply.json(200, grant(who, true));
                      })
                  .orElseGet(PortSipAuth::badLogin);
            })
        .handle(call);
  }

  Reply legacyLogin(Call call) throws Exception {
    return limited(
            c ->
                login(c)
                    .map(
                        who -> {
                          ObjectNode body = grant(who, false);
                          body.remove("token_type");
                          body.put("expires_at", clock.instant().plus(lifetime).toString());
                          body.put("role", who.systemAdmin() ? "SystemAdmin" : "TenantAdmin");
                          return Reply.json(200, body);
                        })
                    .orElseGet(PortSipAuth::badLogin))
        .handle(call);
  }

  Reply refresh(Call call) throws Exception {
    return limited(
            c -> {
              if (legacyOnly) {
                return noSuchEndpoint(c);
              }
              JsonNode body = c.json();
              if (!body.path("refresh_token").isTextual()) {
                return PortSipPbx.validateFailed(
                    "refresh_token", "field 'refresh_token' is required");
              }
              Grant g = refresh.remove(body.get("refresh_token").asText());
              if (g == null || !clock.instant().isBefore(g.expires())) {
                return PortSipPbx.error(401, "UNAUTHORIZED", "invalid or expired refresh token");
              }
              return Reply.json(200, grant(g.who(), true));
            })
        .handle(call);
  }

  Reply signOut(Call call, PortSipPbx.Principal who) {
    call.header("Authorization").map(PortSipAuth::bearer).ifPresent(access::remove);
    return Reply.empty(200);
  }

  void revokeAll() {
    access.clear();
    refresh.clear();
  }

  /** Rate limit, then a valid bearer token, then the handler. */
  EmulatorServer.Handler authed(AuthedHandler handler) {
    return limited(
        call -> {
          if (legacyOnly && call.path().startsWith("/api/auth/")) {
            return noSuchEndpoint(call);
          }
          String token = call.header("Authorization").map(PortSipAuth::bearer).orElse("");
          Grant g = token.isEmpty() ? null : access.get(token);
          if (g == null) {
            return PortSipPbx.error(
                401,
                "UNAUTHORIZED",
                token.isEmpty() ? "missing access token" : "invalid access token");
          }
          if (!clock.instant().isBefore(g.expires())) {
            access.remove(token);
            return PortSipPbx.error(401, "UNAUTHORIZED", "access token expired");
          }
          return handler.handle(call, g.who());
        });
  }

  /**
   * Counts the request against the minute's budget; past it, 429 with Retry-After until the next
   * minute.
   */
  EmulatorServer.Handler limited(EmulatorServer.Handler handler) {
    return call -> {
      long now = clock.millis();
      synchronized (this) {
        long minute = Math.floorDiv(now, 60_000L);
        if (minute != window) {
          window = minute;
          inWindow = 0;
        }
        if (++inWindow > rateLimit) {
          long wait = Math.max(1, ((minute + 1) * 60_000L - now + 999) / 1000);
          return PortSipPbx.error(
                  429,
                  "TOO_MANY_REQUESTS",
                  "rate limit of " + rateLimit + " requests per minute exceeded")
              .withHeader("Retry-After", Long.toString(wait));
        }
      }
      try {
        return handler.handle(call);
      } catch (Call.BadJson e) {
        return PortSipPbx.validateFailed("body", "request body is not valid JSON");
      } catch (MissingField e) {
        return PortSipPbx.validateFailed(
            e.getMessage(), "field '" + e.getMessage() + "' is required");
      }
    };
  }

  static Reply noSuchEndpoint(Call call) {
    return PortSipPbx.error(
        404, "NOT_FOUND", "no such endpoint: " + call.method() + " " + call.path());
  }

  static Reply injected(int status) {
    Reply r =
        PortSipPbx.error(
            status, status == 429 ? "TOO_MANY_REQUESTS" : "UNKNOWN", "injected failure " + status);
    return status == 429 ? r.withHeader("Retry-After", "1") : r;
  }

  private Optional<PortSipPbx.Principal> login(Call call) {
    JsonNode body = call.json();
    for (String field : new String[] {"username", "password"}) {
      if (!body.path(field).isTextual() || body.get(field).asText().isEmpty()) {
        throw new MissingField(field);
      }
    }
    if (!credentials.username().equals(body.get("username").asText())
        || !credentials.password().equals(body.get("password").asText())) {
      return Optional.empty();
    }
    String domain = body.path("domain").asText("");
    if (domain.isEmpty()) {
      return Optional.of(new PortSipPbx.Principal(Optional.empty()));
    }
    synchronized (pbx) {
      return pbx.tenantByDomain(domain).map(t -> new PortSipPbx.Principal(Optional.of(t.id())));
    }
  }

  private ObjectNode grant(PortSipPbx.Principal who, boolean withRefresh) {
    Instant now = clock.instant();
    String token = newToken();
    access.put(token, new Grant(who, now.plus(lifetime)));
    ObjectNode body =
        PortSipPbx.JSON.createObjectNode().put("token_type", "Bearer").put("access_token", token);
    if (withRefresh) {
      String r = newToken();
      refresh.put(r, new Grant(who, now.plus(lifetime.multipliedBy(24))));
      body.put("refresh_token", r);
    }
    return body.put("expires_in", lifetime.toSeconds());
  }

  private String newToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Reply badLogin() {
    return PortSipPbx.error(400, "UNAUTHORIZED", "invalid username, password or domain");
  }

  private static String bearer(String header) {
    return header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
  }

  /**
   * A login body without username or password: answered as VALIDATE_FAILED by the caller's wrapper.
   */
  static final class MissingField extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingField(String field) {
      super(field);
    }
  }
}
