package dev.trunkbot.workflow;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * DataSources for the engine: an embedded H2 file database under TRUNKBOT_HOME by default,
 * PostgreSQL (or any JDBC URL) when TRUNKBOT_DB_URL is set. The engine runs the migrations itself
 * on start; {@link #migrate} is public for tools.
 */
public final class Databases {
  public static final String DB_URL = "TRUNKBOT_DB_URL";
  public static final String DB_USER = "TRUNKBOT_DB_USER";
  public static final String DB_PASSWORD = "TRUNKBOT_DB_PASSWORD";
  public static final String HOME = "TRUNKBOT_HOME";

  private Databases() {}

  /** TRUNKBOT_HOME, or ~/.trunkbot. */
  public static Path home(Map<String, String> env) {
    String home = env.get(HOME);
    return home == null || home.isBlank()
        ? Path.of(System.getProperty("user.home"), ".trunkbot")
        : Path.of(home);
  }

  /**
   * The embedded file database in {@code home} ({@code trunkbot.mv.db}), shared by every trunkbot
   * process on that home: the first process to open it serves it to the others on a loopback port
   * (H2's automatic mixed mode; when that process exits another takes over, AUTO_RECONNECT). The
   * {@code retry:} file system reopens the file when a thread is interrupted in the middle of a
   * write, instead of leaving the database broken for every process. WRITE_DELAY=0: a commit is on
   * disk when it returns (a kill -9 loses nothing the engine recorded).
   */
  public static String embeddedUrl(Path home) {
    System.setProperty("h2.bindAddress", "127.0.0.1");
    return "jdbc:h2:retry:file:"
        + home.toAbsolutePath().resolve("trunkbot")
        + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
  }

  /**
   * From TRUNKBOT_DB_URL (+ TRUNKBOT_DB_USER / TRUNKBOT_DB_PASSWORD), else the embedded database.
   */
  public static HikariDataSource fromEnvironment(Map<String, String> env) {
    String url = env.get(DB_URL);
    if (url == null || url.isBlank()) {
      return dataSource(embeddedUrl(home(env)), "sa", "");
    }
    return dataSource(url, env.getOrDefault(DB_USER, ""), env.getOrDefault(DB_PASSWORD, ""));
  }

  /** A pooled DataSource; close it after the engine. */
  public static HikariDataSource dataSource(String jdbcUrl, String user, String password) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "database URL must start with jdbc:h2: or jdbc:postgresql:, got '"
              + jdbcUrl.replaceAll("password=[^&;]*", "password=****")
              + "'");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(12);
    config.setPoolName("trunkbot-db");
    return new HikariDataSource(config);
  }

  /**
   * Applies the engine's migrations (its tables and db-scheduler's). Safe while other processes run
   * on the database: Flyway holds a lock while it migrates, and a database migrated by a newer
   * version (migrations this one does not know) is left as it is, so an older replica still starts
   * on it during a rolling upgrade (or after a rollback of one).
   */
  public static void migrate(DataSource dataSource) {
    migrate(dataSource, java.util.List.of());
  }

  /** As {@link #migrate(DataSource)}, with migrations from more locations (tests of upgrades). */
  static void migrate(DataSource dataSource, java.util.List<String> more) {
    Dialect dialect = Dialect.of(dataSource);
    java.util.List<String> locations = new java.util.ArrayList<>();
    locations.add("classpath:db/migration/common");
    locations.add("classpath:db/migration/" + dialect.migrationFolder());
    locations.addAll(more);
    Flyway.configure()
        .dataSource(dataSource)
        .locations(locations.toArray(String[]::new))
        .table("wf_schema_history")
        .load()
        .migrate();
  }
}
