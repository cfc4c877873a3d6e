package dev.lifeguard.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct SQL for assertions about what is stored. */
public final class Sql {
  private Sql() {}

  /** Every row of a table as text (bytea shown as hex), for "is X stored?" checks. */
  public static String dumpTable(URI db, String table) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          out.append(rs.getString(i)).append('|');
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  public static long count(URI db, String sql) throws SQLException {
    try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public static void execute(URI db, String sql) throws SQLException {
    try (Connection c = connect(db); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of the first row as text, or null when there is no row. */
  public static String text(URI db, String sql) throws SQLException {
    try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  public static Connection connect(URI db) throws SQLException {
    return DriverManager.getConnection(TestDatabase.jdbc(db), TestDatabase.user(db), TestDatabase.password(db));
  }
}
