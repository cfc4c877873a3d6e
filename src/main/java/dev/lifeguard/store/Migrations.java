package dev.lifeguard.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned SQL migrations from {@code db/} on the classpath, listed in order in {@code db/migrations.list}.
 * All pending migrations run in one transaction under a transaction-scoped advisory lock, so two
 * instances starting together against one database apply each migration exactly once.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  /** Arbitrary but fixed: every Lifeguard instance locks the same key. */
  private static final long LOCK_KEY = 0x4c69666567756172L;

  public record Migration(int version, String name, String sql) {}

  private Migrations() {}

  /** Applies pending migrations; completes with the number applied. */
  public static Future<Integer> apply(Pool pool) {
    List<Migration> all = load();
    return pool.withTransaction(conn -> conn
        .preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK_KEY))
        .compose(v -> conn.query("CREATE TABLE IF NOT EXISTS schema_version ("
            + "version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())").execute())
        .compose(v -> conn.query("SELECT coalesce(max(version), 0) AS v FROM schema_version").execute())
        .compose(rows -> applyAfter(conn, all, rows.iterator().next().getInteger("v"))));
  }

  private static Future<Integer> applyAfter(SqlConnection conn, List<Migration> all, int current) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (Migration m : all) {
      if (m.version() <= current) {
        continue;
      }
      chain = chain.compose(applied -> conn.query(m.sql()).execute()
          .compose(v -> conn.preparedQuery("INSERT INTO schema_version (version, name) VALUES ($1, $2)")
              .execute(Tuple.of(m.version(), m.name())))
          .map(v -> {
            LOG.info("event=migration_applied version={} name={}", m.version(), m.name());
            return applied + 1;
          }));
    }
    return chain;
  }

  /** The migrations shipped with this build, in version order. */
  public static List<Migration> load() {
    List<Migration> migrations = new ArrayList<>();
    for (String line : resource("db/migrations.list").split("\n")) {
      String file = line.trim();
      if (file.isEmpty() || file.startsWith("#")) {
        continue;
      }
      // V003__webhooks.sql → version 3, name webhooks
      int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
      String name = file.substring(file.indexOf("__") + 2, file.length() - ".sql".length());
      if (!migrations.isEmpty() && migrations.get(migrations.size() - 1).version() >= version) {
        throw new IllegalStateException("db/migrations.list is not in strictly increasing version order at " + file);
      }
      migrations.add(new Migration(version, name, resource("db/" + file)));
    }
    return migrations;
  }

  /** The schema version a database is at (0 when none). */
  public static Future<Integer> currentVersion(Pool pool) {
    return pool.query("SELECT coalesce(max(version), 0) AS v FROM schema_version").execute()
        .map(rows -> {
          Row row = rows.iterator().next();
          return row.getInteger("v");
        });
  }

  private static String resource(String path) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
