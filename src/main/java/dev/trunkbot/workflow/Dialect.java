package dev.trunkbot.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The tiny per-database differences. */
enum Dialect {
  H2("h2"),
  POSTGRESQL("postgresql");

  private final String migrationFolder;

  Dialect(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  String migrationFolder() {
    return migrationFolder;
  }

  static Dialect of(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      if (product.equalsIgnoreCase("H2")) {
        return H2;
      }
      if (product.equalsIgnoreCase("PostgreSQL")) {
        return POSTGRESQL;
      }
      throw new IllegalArgumentException(
          "unsupported database '" + product + "': use H2 (embedded) or PostgreSQL");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to the database: " + e.getMessage(), e);
    }
  }
}
