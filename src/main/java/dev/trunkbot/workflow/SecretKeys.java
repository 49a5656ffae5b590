package dev.trunkbot.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 key that encrypts stored secrets: TRUNKBOT_SECRET_KEY (base64, 32 bytes), or a
 * generated key file.
 */
public final class SecretKeys {
  public static final String ENV = "TRUNKBOT_SECRET_KEY";
  public static final String KEY_FILE = "secret.key";
  private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);

  private SecretKeys() {}

  /** Decodes a base64 32-byte key. The message of a failure never contains the value. */
  public static SecretKey fromBase64(String base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "secret key is not valid base64 (expected 32 random bytes, base64-encoded)");
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException(
          "secret key must decode to 32 bytes, got "
              + raw.length
              + " (generate one with: head -c 32 /dev/urandom | base64)");
    }
    return new SecretKeySpec(raw, "AES");
  }

  /**
   * TRUNKBOT_SECRET_KEY if set, else {@code <home>/secret.key} (generated with a warning if
   * missing).
   */
  public static SecretKey fromEnvironment(Map<String, String> env, Path home) {
    String value = env.get(ENV);
    if (value != null && !value.isBlank()) {
      try {
        return fromBase64(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(ENV + ": " + e.getMessage());
      }
    }
    try {
      return loadOrGenerate(home.resolve(KEY_FILE));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          home.resolve(KEY_FILE) + ": " + e.getMessage() + "; or set " + ENV);
    }
  }

  /**
   * Reads the key file, or creates it (owner-only permissions where supported) and logs a warning.
   */
  public static SecretKey loadOrGenerate(Path keyFile) {
    try {
      if (Files.exists(keyFile)) {
        return fromBase64(Files.readString(keyFile));
      }
      byte[] raw = new byte[32];
      new SecureRandom().nextBytes(raw);
      Files.createDirectories(keyFile.toAbsolutePath().getParent());
      Files.writeString(keyFile, Base64.getEncoder().encodeToString(raw));
      try {
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      LOG.warn(
          "{} is not set: generated a secret key into {} (fine for sandbox use; set {} in production, "
              + "and keep the file: stored secrets cannot be read without it)",
          ENV,
          keyFile,
          ENV);
      return new SecretKeySpec(raw, "AES");
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read or create the secret key file "
              + keyFile
              + " ("
              + e.getMessage()
              + "): check TRUNKBOT_HOME, or set "
              + ENV);
    }
  }
}
