package dev.lifeguard.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests: {@code LIFEGUARD_TEST_DATABASE_URL} when set, else one embedded
 * server per test JVM. Each caller gets a fresh database on it, so tests never share state.
 */
public final class TestDatabase {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static URI server;

  private TestDatabase() {}

  /** A new, empty database: {@code postgresql://user@host:port/lg_test_N}. */
  public static synchronized URI fresh() {
    URI base = server();
    String name = "lg_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = DriverManager.getConnection(jdbc(base), user(base), password(base));
         Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return URI.create(base.getScheme() + "://" + base.getRawUserInfo() + "@" + base.getHost() + ":" + base.getPort() + "/" + name);
  }

  private static URI server() {
    if (server == null) {
      String external = System.getenv("LIFEGUARD_TEST_DATABASE_URL");
      server = external != null && !external.isBlank() ? URI.create(external) : startEmbedded();
    }
    return server;
  }

  private static URI startEmbedded() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
      return URI.create("postgresql://postgres@127.0.0.1:" + pg.getPort() + "/postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String jdbc(URI url) {
    return "jdbc:postgresql://" + url.getHost() + ":" + url.getPort() + url.getPath();
  }

  public static String user(URI url) {
    String info = url.getUserInfo();
    return info == null ? "postgres" : info.split(":", 2)[0];
  }

  public static String password(URI url) {
    String info = url.getUserInfo();
    return info == null || !info.contains(":") ? "" : info.split(":", 2)[1];
  }
}
