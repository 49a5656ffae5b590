package dev.trunkbot.portsip;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach and log in to one PortSIP PBX.
 *
 * @param apiBase the REST root, {@code PORTSIP_URL} with {@code /api} appended, e.g. {@code
 *     https://pbx:8887/api}
 * @param username {@code PORTSIP_USERNAME}
 * @param password {@code PORTSIP_PASSWORD} (never shown by {@link #toString()})
 * @param domain {@code PORTSIP_DOMAIN}: the tenant's SIP domain for a tenant-admin login; empty =
 *     system admin
 * @param caFile {@code PORTSIP_CA_FILE}: PEM certificates trusted in addition to the JDK's trust
 *     store
 * @param login {@code PORTSIP_LOGIN_API}: which login endpoint to use (default AUTO)
 */
public record PortSipConfig(
    URI apiBase,
    String username,
    String password,
    Optional<String> domain,
    Optional<Path> caFile,
    LoginApi login) {

  /**
   * AUTO tries {@code /api/auth/sign_in} (v22.2+) and falls back to {@code /api/login} when the PBX
   * lacks it.
   */
  public enum LoginApi {
    AUTO,
    SIGN_IN,
    LEGACY
  }

  public PortSipConfig {
    Objects.requireNonNull(apiBase, "apiBase");
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("PORTSIP_USERNAME must not be empty");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("PORTSIP_PASSWORD must not be empty");
    }
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(login, "login");
  }

  /** True when logged in without a domain: the system administrator, who may assign tenants. */
  public boolean systemAdmin() {
    return domain.isEmpty();
  }

  /**
   * A configuration for {@code url} (the PBX's address without /api) with the given login, JDK
   * trust only.
   */
  public static PortSipConfig of(
      String url, String username, String password, Optional<String> domain) {
    return new PortSipConfig(
        apiBase(url), username, password, domain, Optional.empty(), LoginApi.AUTO);
  }

  /**
   * Reads {@code PORTSIP_URL}, {@code PORTSIP_USERNAME}, {@code PORTSIP_PASSWORD} and the optional
   * rest.
   */
  public static PortSipConfig fromEnvironment(Map<String, String> env) {
    URI base = apiBase(required(env, "PORTSIP_URL"));
    String username = required(env, "PORTSIP_USERNAME");
    String password = required(env, "PORTSIP_PASSWORD");
    Optional<String> domain = optional(env, "PORTSIP_DOMAIN");
    Optional<Path> ca = optional(env, "PORTSIP_CA_FILE").map(PortSipConfig::readableFile);
    LoginApi login =
        optional(env, "PORTSIP_LOGIN_API").map(PortSipConfig::loginApi).orElse(LoginApi.AUTO);
    return new PortSipConfig(base, username, password, domain, ca, login);
  }

  @Override
  public String toString() {
    return "PortSipConfig[apiBase="
        + apiBase
        + ", username="
        + username
        + ", password=****, domain="
        + domain.orElse("(system admin)")
        + ", caFile="
        + caFile.map(Path::toString).orElse("(JDK trust store)")
        + ", login="
        + login
        + "]";
  }

  static URI apiBase(String url) {
    String trimmed = url.strip();
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "PORTSIP_URL is not a URL ("
              + e.getReason()
              + "): expected e.g. https://pbx.example.com:8887");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException(
          "PORTSIP_URL must start with https:// (or http://), got '"
              + trimmed
              + "': expected e.g. https://pbx.example.com:8887");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException(
          "PORTSIP_URL has no host name, got '"
              + trimmed
              + "': expected e.g. https://pbx.example.com:8887");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "PORTSIP_URL must not have a query or fragment, got '" + trimmed + "'");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!path.endsWith("/api")) {
      path = path + "/api";
    }
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }

  private static String required(Map<String, String> env, String name) {
    return optional(env, name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    name
                        + " is not set"
                        + (name.equals("PORTSIP_URL")
                            ? ": expected the PBX address, e.g. https://pbx.example.com:8887"
                            : "")));
  }

  private static Optional<String> optional(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static Path readableFile(String value) {
    Path path = Path.of(value);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException(
          "PORTSIP_CA_FILE '"
              + value
              + "' is not a readable file"
              + " (expected PEM certificates of the CA that signed the PBX's certificate)");
    }
    return path;
  }

  private static LoginApi loginApi(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "auto":
        return LoginApi.AUTO;
      case "sign_in":
        return LoginApi.SIGN_IN;
      case "login":
      case "legacy":
        return LoginApi.LEGACY;
      default:
        throw new IllegalArgumentException(
            "PORTSIP_LOGIN_API must be auto, sign_in (v22.2+) or login"
                + " (v22.0/22.1, v16), got '"
                + value
                + "'");
    }
  }
}
