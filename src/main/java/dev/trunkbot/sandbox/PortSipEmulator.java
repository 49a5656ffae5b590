package dev.trunkbot.sandbox;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An embedded PortSIP PBX (REST API v22) on loopback: login ({@code /api/auth/*} and the older
 * {@code /api/login}), tenants, trunks ("providers") and tenant assignments, answering as the
 * vendor's OpenAPI contract says, with the shared fault injection and request log of {@link
 * EmulatorServer}.
 *
 * <p>Logins: the configured administrator without {@code domain} is the system administrator; the
 * same credentials with a seeded tenant's SIP domain ({@code <tenant>.sandbox.local}) log in as
 * that tenant's administrator, who sees only the tenant's own trunks and cannot assign tenants.
 */
public final class PortSipEmulator implements AutoCloseable {
  /**
   * Sandbox administrator when {@code PORTSIP_USERNAME}/{@code PORTSIP_PASSWORD} are not set. Fake;
   * fine to print.
   */
  public static final String SANDBOX_USERNAME = "admin";

  public static final String SANDBOX_PASSWORD = "sandbox-portsip-admin";

  /** Seeded tenant {@code acme} gets the SIP domain {@code acme.sandbox.local}. */
  public static final String DOMAIN_SUFFIX = ".sandbox.local";

  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(3600);
  public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 5000;

  /** The administrator's login. {@link #toString()} does not show the password. */
  public record Credentials(String username, String password) {
    public static final Credentials SANDBOX = new Credentials(SANDBOX_USERNAME, SANDBOX_PASSWORD);

    public Credentials {
      if (username == null || username.isBlank() || password == null || password.isEmpty()) {
        throw new IllegalArgumentException("emulator credentials need a username and a password");
      }
    }

    /**
     * {@code PORTSIP_USERNAME}/{@code PORTSIP_PASSWORD} when both are set, otherwise {@link
     * #SANDBOX}.
     */
    public static Credentials fromEnvironment(Map<String, String> env) {
      String user = env.getOrDefault("PORTSIP_USERNAME", "");
      String pass = env.getOrDefault("PORTSIP_PASSWORD", "");
      return user.isBlank() || pass.isEmpty() ? SANDBOX : new Credentials(user.strip(), pass);
    }

    @Override
    public String toString() {
      return "Credentials[username=" + username + ", password=****]";
    }
  }

  private final EmulatorServer server;
  private final PortSipPbx pbx;
  private final PortSipAuth auth;

  private PortSipEmulator(EmulatorServer server, PortSipPbx pbx, PortSipAuth auth) {
    this.server = server;
    this.pbx = pbx;
    this.auth = auth;
  }

  /**
   * Starts on 127.0.0.1 ({@code port} 0 = any free port) with the given administrator and tenants.
   */
  public static PortSipEmulator start(int port, Credentials credentials, List<String> seedTenants)
      throws IOException {
    return builder().credentials(credentials).seedTenants(seedTenants).start(port);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code http://127.0.0.1:PORT}: what {@code PORTSIP_URL} should say (clients append {@code
   * /api}).
   */
  public URI baseUri() {
    return server.baseUri();
  }

  public int port() {
    return server.port();
  }

  public Faults faults() {
    return server.faults();
  }

  public RequestLog requests() {
    return server.requests();
  }

  /** How many requests this emulator serves at once, and the most at once, counted by itself. */
  public InFlight inFlight() {
    return server.inFlight();
  }

  /**
   * Adds a tenant while serving; returns its id. Its SIP domain is the lowercased name plus {@link
   * #DOMAIN_SUFFIX}.
   */
  public String addTenant(String name) {
    synchronized (pbx) {
      return pbx.addTenant(name).id();
    }
  }

  /** The SIP domain a tenant admin logs in with, e.g. {@code acme.sandbox.local}. */
  public String tenantDomain(String tenantName) {
    synchronized (pbx) {
      return pbx.tenants.values().stream()
          .filter(t -> t.name().equals(tenantName))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no seeded tenant '" + tenantName + "'"))
          .domain();
    }
  }

  /**
   * For tests: the SIP password the PBX holds for a trunk (the API never returns it), to check what
   * a client sent.
   */
  public Optional<String> trunkPassword(String trunkName) {
    synchronized (pbx) {
      return pbx.providers.values().stream()
          .filter(p -> p.name().equals(trunkName))
          .findFirst()
          .map(p -> p.password);
    }
  }

  /** How many trunks and tenant assignments the PBX holds (for tests and benchmarks). */
  public record Inventory(int trunks, int assignees) {}

  public Inventory inventory() {
    synchronized (pbx) {
      return new Inventory(
          pbx.providers.size(),
          pbx.providers.values().stream().mapToInt(p -> p.assignees.size()).sum());
    }
  }

  /**
   * Forgets every issued access and refresh token, as a PBX restart does: the next call gets a 401.
   */
  public void revokeTokens() {
    auth.revokeAll();
  }

  @Override
  public void close() {
    server.close();
  }

  /**
   * Options beyond {@link #start(int, Credentials, List)}: time, token lifetime, rate limit, login
   * variants.
   */
  public static final class Builder {
    private Credentials credentials = Credentials.SANDBOX;
    private final List<String> tenants = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
    private int rateLimit = DEFAULT_RATE_LIMIT_PER_MINUTE;
    private boolean twoFactor;
    private boolean legacyLoginOnly;
    private java.net.InetAddress address = java.net.InetAddress.getLoopbackAddress();

    private Builder() {}

    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    public Builder seedTenants(List<String> names) {
      tenants.addAll(names);
      return this;
    }

    public Builder seedTenants(String... names) {
      return seedTenants(List.of(names));
    }

    /** Time for token expiry and the rate limit's minute windows. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder tokenLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("token lifetime must be positive, got " + lifetime);
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /** Requests allowed per clock minute before 429 (the PBX's default is 5,000). */
    public Builder rateLimitPerMinute(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException(
            "rate limit must be at least 1 request a minute, got " + limit);
      }
      this.rateLimit = limit;
      return this;
    }

    /** sign_in answers {@code {two_factor_enabled, token}} instead of tokens. */
    public Builder twoFactor(boolean on) {
      this.twoFactor = on;
      return this;
    }

    /** Behave like a PBX before v22.2: no {@code /api/auth/*} (404), only {@code /api/login}. */
    public Builder legacyLoginOnly(boolean on) {
      this.legacyLoginOnly = on;
      return this;
    }

    /** Listening on {@code address} (default loopback; a sandbox shared on a private network). */
    public Builder address(java.net.InetAddress address) {
      this.address = java.util.Objects.requireNonNull(address, "address");
      return this;
    }

    public PortSipEmulator start(int port) throws IOException {
      PortSipPbx pbx = new PortSipPbx();
      tenants.forEach(pbx::addTenant);
      PortSipAuth auth =
          new PortSipAuth(
              pbx, credentials, clock, tokenLifetime, rateLimit, twoFactor, legacyLoginOnly);
      PortSipProviderRoutes routes = new PortSipProviderRoutes(pbx);
      String id = "(?<id>[^/]+)";
      String tenant = "(?<tenant>[^/]+)";
      EmulatorServer server =
          EmulatorServer.builder("portsip")
              .address(address)
              .route("auth.sign_in", "POST", "/api/auth/sign_in", auth::signIn)
              .route("auth.refresh_token", "POST", "/api/auth/refresh_token", auth::refresh)
              .route("auth.sign_out", "POST", "/api/auth/sign_out", auth.authed(auth::signOut))
              .route("login", "POST", "/api/login", auth::legacyLogin)
              .route("tenants.list", "GET", "/api/tenants", auth.authed(routes::tenants))
              .route("providers.list", "GET", "/api/providers", auth.authed(routes::list))
              .route("providers.create", "POST", "/api/providers", auth.authed(routes::create))
              .route("providers.fetch", "GET", "/api/providers/" + id, auth.authed(routes::fetch))
              .route(
                  "providers.update", "POST", "/api/providers/" + id, auth.authed(routes::update))
              .route(
                  "providers.destroy",
                  "POST",
                  "/api/providers/" + id + "/destroy",
                  auth.authed(routes::destroy))
              .route(
                  "providers.status",
                  "GET",
                  "/api/providers/" + id + "/status",
                  auth.authed(routes::status))
              .route(
                  "assignees.list",
                  "GET",
                  "/api/providers/" + id + "/assignees",
                  auth.authed(routes::assignees))
              .route(
                  "assignees.fetch",
                  "GET",
                  "/api/providers/" + id + "/assignees/" + tenant,
                  auth.authed(routes::assignee))
              .route(
                  "assignees.assign",
                  "POST",
                  "/api/providers/" + id + "/assignees/" + tenant,
                  auth.authed(routes::assign))
              .route(
                  "assignees.destroy",
                  "POST",
                  "/api/providers/" + id + "/assignees/" + tenant + "/destroy",
                  auth.authed(routes::unassign))
              .unmatched(auth.limited(PortSipAuth::noSuchEndpoint))
              .injectedReply(PortSipAuth::injected)
              .start(port);
      return new PortSipEmulator(server, pbx, auth);
    }
  }
}
