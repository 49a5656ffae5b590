package dev.trunkbot.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.trunkbot.workflow.Databases;
import dev.trunkbot.workflow.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Opens the database the settings name, or says in one line why it cannot be opened and what to do:
 * a TRUNKBOT_HOME that is a file or not writable, a PostgreSQL that refuses, a damaged file.
 */
final class DatabaseOpener {
  private DatabaseOpener() {}

  static HikariDataSource open(Settings settings, Map<String, String> env) {
    if (settings.dbUrl().isEmpty() && settings.sandbox()) {
      // the sandbox keeps nothing after the process: its runs live in memory with its emulators
      return Databases.dataSource(
          "jdbc:h2:mem:trunkbot-sandbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
    String url = settings.dbUrl().orElse("");
    if (url.startsWith("jdbc:h2:mem:")) {
      throw new IllegalArgumentException(
          Databases.DB_URL
              + ": an in-memory database forgets every run when the process ends; unset it for the"
              + " embedded database in TRUNKBOT_HOME, or give jdbc:postgresql://HOST/DB");
    }
    if (url.isEmpty()) {
      prepareHome(settings.home());
    }
    try {
      // the pool opens a first connection: on the embedded database, possibly to a process that
      // served it and is exiting right now (Connection refused), so it is retried like the rest
      return retried(settings, () -> Databases.fromEnvironment(env));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Databases.DB_URL + ": " + e.getMessage());
    }
  }

  /**
   * Starts the engine (migrating the database first). On the embedded database a process that
   * served it to the others may be exiting right now: then this one becomes the server on a retry.
   */
  static void start(Engine engine, Settings settings) {
    retrying(settings, engine::start);
  }

  /** The database, opened and migrated to this version's schema. */
  static HikariDataSource openMigrated(Settings settings, Map<String, String> env) {
    HikariDataSource database = open(settings, env);
    try {
      retrying(settings, () -> Databases.migrate(database));
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static void retrying(Settings settings, Runnable work) {
    retried(
        settings,
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * {@code work}, tried up to 5 times over 5 s on the embedded database (once on PostgreSQL); a bad
   * setting (IllegalArgumentException) or a damaged file is not tried again.
   */
  private static <T> T retried(Settings settings, Supplier<T> work) {
    int attempts = settings.dbUrl().isEmpty() ? 5 : 1;
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (IllegalArgumentException e) {
        throw e;
      } catch (RuntimeException e) {
        if (attempt >= attempts || damaged(rootMessage(e))) {
          throw new IllegalStateException(explain(settings.dbUrl().orElse(""), settings.home(), e));
        }
        try {
          Thread.sleep(500L * attempt);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while opening the database");
        }
      }
    }
  }

  /** The home folder, created readable by its owner only. */
  private static void prepareHome(Path home) {
    if (Files.exists(home) && !Files.isDirectory(home)) {
      throw new IllegalArgumentException(
          "TRUNKBOT_HOME=" + home + " is a file, not a folder: point it at a folder (or unset it)");
    }
    try {
      if (!Files.exists(home)) {
        Files.createDirectories(home);
        try {
          Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
          // permissions are the file system's own
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "TRUNKBOT_HOME="
              + home
              + " cannot be created ("
              + e.getMessage()
              + "): choose a folder"
              + " you can write to");
    }
    if (!Files.isWritable(home)) {
      throw new IllegalArgumentException(
          "TRUNKBOT_HOME="
              + home
              + " is not writable by this user: choose a folder you can write"
              + " to, or fix its permissions");
    }
  }

  private static boolean damaged(String cause) {
    String lower = cause.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("corrupt") || lower.contains("damaged") || lower.contains("format");
  }

  static String explain(String url, Path home, Throwable e) {
    String cause = rootMessage(e);
    if (url.isEmpty()) {
      if (damaged(cause)) {
        return "the embedded database in "
            + home
            + " is damaged ("
            + cause
            + "): move trunkbot.mv.db aside (or restore a backup) and start again";
      }
      return "the embedded database in "
          + home
          + " cannot be opened ("
          + cause
          + "): check TRUNKBOT_HOME, or set TRUNKBOT_DB_URL to a PostgreSQL database";
    }
    if (cause.toLowerCase(java.util.Locale.ROOT).contains("password")
        || cause.toLowerCase(java.util.Locale.ROOT).contains("authentication")) {
      return "TRUNKBOT_DB_USER / TRUNKBOT_DB_PASSWORD: the database refused the login ("
          + cause
          + ")";
    }
    return Databases.DB_URL
        + "="
        + url.replaceAll("password=[^&;]*", "password=****")
        + ": cannot connect ("
        + cause
        + "): is the database running and reachable from here?";
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    m = m.replaceAll("\\s+", " ").strip();
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }
}
