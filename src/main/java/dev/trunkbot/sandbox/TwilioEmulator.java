package dev.trunkbot.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An embedded Twilio for the endpoints the guide uses: Elastic SIP Trunking v1 (trunks, origination
 * URLs, ACL and credential-list attachments, phone numbers) and the 2010 API's SIP IP access
 * control lists, credential lists and IncomingPhoneNumbers. It answers as the OpenAPI spec says
 * (form parameters, Basic auth, SIDs, both date and paging styles, Twilio's error JSON and codes),
 * keeps its state in memory, and is reached by twilio-java through {@code
 * dev.trunkbot.twilio.BaseUrlHttpClient}. Route names for {@link #faults()} and {@link #requests()}
 * are {@code <resource>.<create|list|fetch|update|delete>}, e.g. {@code trunks.create}, {@code
 * credentials.update}.
 */
public final class TwilioEmulator implements AutoCloseable {
  /**
   * The fixed sandbox account used when no TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN is given. Fake,
   * public on purpose.
   */
  public static final String SANDBOX_ACCOUNT_SID = "AC5a4db0c05a4db0c05a4db0c05a4db0c0";

  public static final String SANDBOX_AUTH_TOKEN = "5a4db0c0sandbox0auth0token000000";

  /** A sandbox API key (SK...) and secret accepted in place of the account SID and token. */
  public static final String SANDBOX_API_KEY = "SK" + "5a4db0c0".repeat(4);

  public static final String SANDBOX_API_SECRET = "5a4db0c0sandbox0api0secret000000";

  /**
   * The account the emulator serves: its SID and auth token, and an API key SID and secret also
   * accepted.
   */
  public record Account(String sid, String authToken, String apiKey, String apiSecret) {
    public Account {
      if (sid == null || !sid.matches("AC[0-9a-f]{32}")) {
        throw new IllegalArgumentException(
            "account SID must be 'AC' + 32 lowercase hex digits, got '" + sid + "'");
      }
      if (apiKey == null || !apiKey.matches("SK[0-9a-f]{32}")) {
        throw new IllegalArgumentException(
            "API key must be 'SK' + 32 lowercase hex digits, got '" + apiKey + "'");
      }
      if (authToken == null || authToken.isEmpty() || apiSecret == null || apiSecret.isEmpty()) {
        throw new IllegalArgumentException("auth token and API secret must not be empty");
      }
    }

    public static Account sandbox() {
      return new Account(
          SANDBOX_ACCOUNT_SID, SANDBOX_AUTH_TOKEN, SANDBOX_API_KEY, SANDBOX_API_SECRET);
    }

    /**
     * TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN (and TWILIO_API_KEY/TWILIO_API_SECRET) when set, else
     * the sandbox values.
     */
    public static Account fromEnvironment(Map<String, String> env) {
      String sid = env.get("TWILIO_ACCOUNT_SID");
      String token = env.get("TWILIO_AUTH_TOKEN");
      String key = env.get("TWILIO_API_KEY");
      String secret = env.get("TWILIO_API_SECRET");
      boolean account = sid != null && !sid.isBlank() && token != null && !token.isBlank();
      boolean apiKey = key != null && !key.isBlank() && secret != null && !secret.isBlank();
      return new Account(
          account ? sid.trim() : SANDBOX_ACCOUNT_SID,
          account ? token.trim() : SANDBOX_AUTH_TOKEN,
          apiKey ? key.trim() : SANDBOX_API_KEY,
          apiKey ? secret.trim() : SANDBOX_API_SECRET);
    }

    @Override
    public String toString() {
      return "Account[sid=" + sid + ", authToken=****, apiKey=" + apiKey + ", apiSecret=****]";
    }
  }

  /** How many of each resource the emulator holds (for tests and benchmarks). */
  public record Inventory(
      int trunks,
      int originationUrls,
      int ipAccessControlLists,
      int ipAddresses,
      int credentialLists,
      int credentials,
      int trunkIpAccessControlLists,
      int trunkCredentialLists,
      int assignedPhoneNumbers,
      int phoneNumbers) {}

  private final Account account;
  private final TwilioState state;
  private final EmulatorServer server;

  private TwilioEmulator(Account account, TwilioState state, EmulatorServer server) {
    this.account = account;
    this.state = state;
    this.server = server;
  }

  /** Starts on 127.0.0.1:{@code port} (0 = any free port) for the sandbox account. */
  public static TwilioEmulator start(int port) throws IOException {
    return start(port, Account.sandbox());
  }

  public static TwilioEmulator start(int port, Account account) throws IOException {
    return start(port, account, java.net.InetAddress.getLoopbackAddress());
  }

  /** Listening on {@code address} (a sandbox shared on a private network). */
  public static TwilioEmulator start(int port, Account account, java.net.InetAddress address)
      throws IOException {
    Objects.requireNonNull(account, "account");
    TwilioState state = new TwilioState(account.sid());
    EmulatorServer.Builder builder =
        EmulatorServer.builder("twilio").injectedReply(TwilioError::injected).address(address);
    Routes routes = new Routes(builder, account, state.lock);
    routes.host = TwilioTrunkingApi.HOST;
    new TwilioTrunkingApi(state).register(routes);
    routes.host = TwilioSipApi.HOST;
    new TwilioSipApi(state).register(routes);
    builder.unmatched(routes::unmatched);
    return new TwilioEmulator(account, state, builder.start(port));
  }

  /** {@code http://127.0.0.1:PORT}: the value for {@code TRUNKBOT_TWILIO_BASE_URL}. */
  public URI baseUri() {
    return server.baseUri();
  }

  public int port() {
    return server.port();
  }

  public Account account() {
    return account;
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
   * Adds purchased numbers to the account, each given as E.164 ({@code +12027594810}) or digits
   * ({@code 12027594810}; ten digits get the +1 of North America). Returns E.164 -> PN SID; a
   * number already there keeps its SID.
   */
  public Map<String, String> seedPhoneNumbers(Collection<String> numbers) {
    Map<String, String> out = new LinkedHashMap<>();
    synchronized (state.lock) {
      for (String raw : numbers) {
        String e164 = e164(raw);
        TwilioPhoneNumber existing =
            state.numbers.values().stream()
                .filter(n -> n.e164.equals(e164))
                .findFirst()
                .orElse(null);
        if (existing == null) {
          existing = new TwilioPhoneNumber(state.sid("PN"), state.account, e164, state.now());
          state.numbers.put(existing.sid, existing);
        }
        out.put(e164, existing.sid);
      }
    }
    return out;
  }

  public Map<String, String> seedPhoneNumbers(String... numbers) {
    return seedPhoneNumbers(List.of(numbers));
  }

  static String e164(String raw) {
    String digits = raw == null ? "" : raw.trim().replaceFirst("^\\+", "");
    if (!digits.matches("[1-9][0-9]{7,14}")) {
      throw new IllegalArgumentException(
          "phone number must be E.164 (+12027594810) or its digits, got '" + raw + "'");
    }
    return "+" + (digits.length() == 10 ? "1" + digits : digits);
  }

  public Inventory inventory() {
    synchronized (state.lock) {
      return new Inventory(
          state.trunks.size(),
          state.originationUrls.size(),
          state.acls.size(),
          state.ipAddresses.size(),
          state.credentialLists.size(),
          state.credentials.size(),
          state.trunkAcls.values().stream().mapToInt(Map::size).sum(),
          state.trunkCredentialLists.values().stream().mapToInt(Map::size).sum(),
          (int) state.numbers.values().stream().filter(n -> n.trunkSid != null).count(),
          state.numbers.size());
    }
  }

  @Override
  public void close() {
    server.close();
  }

  /**
   * Registers routes behind Basic auth, the account check, the product check, the lock and the
   * error rendering.
   */
  static final class Routes {
    private final EmulatorServer.Builder builder;
    private final Account account;
    private final Object lock;
    private final List<Pattern> paths = new ArrayList<>();
    String host;

    Routes(EmulatorServer.Builder builder, Account account, Object lock) {
      this.builder = builder;
      this.account = account;
      this.lock = lock;
    }

    void add(String endpoint, String method, String regex, EmulatorServer.Handler handler) {
      String routeHost = host;
      paths.add(Pattern.compile(regex));
      builder.route(
          endpoint,
          method,
          regex,
          call -> {
            if (!authenticated(call)) {
              return TwilioError.render(401, 20003, "Authenticate")
                  .withHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            }
            String wanted = call.header("X-Trunkbot-Twilio-Host").orElse(routeHost);
            if (!routeHost.equalsIgnoreCase(wanted)) {
              return TwilioError.notFound(call.path()).reply();
            }
            if (regex.startsWith(TwilioSipApi.ACCOUNT)
                && !account.sid().equals(call.pathParam("account"))) {
              return TwilioError.notFound(call.path()).reply();
            }
            synchronized (lock) {
              try {
                return handler.handle(call);
              } catch (TwilioError e) {
                return e.reply();
              }
            }
          });
    }

    Reply unmatched(Call call) {
      if (!authenticated(call)) {
        return TwilioError.render(401, 20003, "Authenticate");
      }
      boolean otherMethod = paths.stream().anyMatch(p -> p.matcher(call.path()).matches());
      return otherMethod
          ? TwilioError.render(405, 20004, "Method not allowed")
          : TwilioError.notFound(call.path()).reply();
    }

    private boolean authenticated(Call call) {
      String header = call.header("Authorization").orElse("");
      if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return false;
      }
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return false;
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return false;
      }
      String user = decoded.substring(0, colon);
      String pass = decoded.substring(colon + 1);
      return (user.equals(account.sid()) && same(pass, account.authToken()))
          || (user.equals(account.apiKey()) && same(pass, account.apiSecret()));
    }

    private static boolean same(String a, String b) {
      return MessageDigest.isEqual(
          a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
  }
}
