package dev.trunkbot.trunk;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * The credential the spec asks for: a username, and a password only when the user chose one
 * (otherwise a compliant one is generated when the trunk is built). Never shows the password.
 */
public record CredentialsSpec(String username, Optional<String> password) {
  /** The credentials to use: the given password, or a fresh one from {@code random}. */
  public SipCredentials resolve(SecureRandom random) {
    return password
        .map(p -> SipCredentials.of("credentials", username, p))
        .orElseGet(() -> SipCredentials.generate(username, random));
  }

  /**
   * The credentials to use: the given password, or the one derived from {@code key} for this trunk.
   */
  public SipCredentials resolve(byte[] key, String trunkId) {
    return password
        .map(p -> SipCredentials.of("credentials", username, p))
        .orElseGet(() -> SipCredentials.derive(username, key, trunkId));
  }

  @Override
  public String toString() {
    return "CredentialsSpec[username="
        + username
        + ", password="
        + (password.isPresent() ? "****" : "generated")
        + "]";
  }
}
