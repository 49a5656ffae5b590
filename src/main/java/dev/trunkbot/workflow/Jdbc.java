package dev.trunkbot.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Tiny JDBC helpers: transactions, updates and queries with positional parameters. */
final class Jdbc {
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final DataSource dataSource;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  <T> T inTx(Work<T> work) {
    return transaction(work, false);
  }

  /**
   * A read-only unit of work that sees one snapshot of the database (REPEATABLE READ), so that a
   * run read by several queries is one consistent state even while steps commit.
   */
  <T> T inSnapshot(Work<T> work) {
    return transaction(work, true);
  }

  /**
   * One transaction. When the connection breaks before the commit (the process serving the embedded
   * database to others is exiting, a PostgreSQL failover), nothing was written and the whole unit
   * is tried again on a new connection, a few times.
   */
  private <T> T transaction(Work<T> work, boolean snapshot) {
    for (int attempt = 1; ; attempt++) {
      boolean committing = false;
      try (Connection c = dataSource.getConnection()) {
        boolean auto = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        if (snapshot) {
          c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        try {
          T result = work.apply(c);
          committing = true;
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(c);
          throw e;
        } finally {
          restore(c, auto, snapshot ? isolation : -1);
        }
      } catch (SQLException e) {
        if (committing || attempt >= RETRIES || !connectionLost(e)) {
          throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
        pause(attempt);
      }
    }
  }

  private static final int RETRIES = 5;

  /** The connection went away (SQLSTATE class 08, H2's broken or closing database). */
  static boolean connectionLost(SQLException e) {
    String state = e.getSQLState();
    int code = e.getErrorCode();
    return (state != null && state.startsWith("08"))
        || code == 90067
        || code == 90098
        || code == 90121;
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException alreadyGone) {
      // the connection broke: nothing was committed
    }
  }

  private static void restore(Connection c, boolean auto, int isolation) {
    try {
      if (isolation >= 0) {
        c.setTransactionIsolation(isolation);
      }
      c.setAutoCommit(auto);
    } catch (SQLException alreadyGone) {
      // the pool drops a broken connection
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(200L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the database");
    }
  }

  <T> List<T> query(String sql, Row<T> row, Object... params) {
    return inTx(c -> query(c, sql, row, params));
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    }
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p == null) {
        ps.setNull(i + 1, Types.VARCHAR);
      } else if (p instanceof NullLong) {
        ps.setNull(i + 1, Types.BIGINT);
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  /** A typed NULL for BIGINT columns (PostgreSQL wants the type). */
  enum NullLong {
    INSTANCE
  }

  static Object longOrNull(Long v) {
    return v == null ? NullLong.INSTANCE : v;
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
