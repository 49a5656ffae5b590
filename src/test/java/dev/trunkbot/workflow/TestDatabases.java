package dev.trunkbot.workflow;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh databases for tests: an H2 file in a temp dir, or a new database on one shared embedded
 * PostgreSQL.
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  static String h2Url(Path dir) {
    return Databases.embeddedUrl(dir);
  }

  static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException ignored) {
                      // exiting anyway
                    }
                  }));
    }
    return postgres;
  }

  /** JDBC URL of a new, empty PostgreSQL database. */
  public static String newPostgresUrl() {
    String name = "wf" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return postgres().getJdbcUrl("postgres", name);
  }

  static HikariDataSource open(String url) {
    return Databases.dataSource(
        url,
        url.startsWith("jdbc:h2:") ? "sa" : "postgres",
        url.startsWith("jdbc:h2:") ? "" : "postgres");
  }
}
