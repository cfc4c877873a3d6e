package dev.lifeguard.store;

import dev.lifeguard.config.DatabaseConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** The PostgreSQL pool, and the embedded server behind it when no URL is configured. */
public final class Database {
  private final Pool pool;
  private final EmbeddedDatabase embedded;
  private final URI url;

  private Database(Pool pool, EmbeddedDatabase embedded, URI url) {
    this.pool = pool;
    this.embedded = embedded;
    this.url = url;
  }

  /** Blocking when the embedded server has to start: call from main or a worker thread. */
  public static Database open(Vertx vertx, DatabaseConfig config) {
    EmbeddedDatabase embedded = config.embedded() ? EmbeddedDatabase.startOrAttach(config.dataDir()) : null;
    URI url = embedded != null ? embedded.url() : config.url().orElseThrow();
    return new Database(createPool(vertx, url, config), embedded, url);
  }

  /** A pool on an explicit URL (tools and tests). */
  public static Pool createPool(Vertx vertx, URI url, DatabaseConfig config) {
    PgConnectOptions connect = PgConnectOptions.fromUri(url.toString()).setCachePreparedStatements(true);
    // statement_timeout bounds every query server-side, so a stuck query never holds a request forever.
    connect.addProperty("statement_timeout", Long.toString(config.queryTimeout().toMillis()));
    connect.addProperty("application_name", "lifeguard");
    connect.addProperty("client_min_messages", "warning");
    PoolOptions pool = new PoolOptions()
        .setMaxSize(config.poolSize())
        .setMaxWaitQueueSize(1_000)
        .setConnectionTimeout((int) config.queryTimeout().toMillis())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
        .setShared(false);
    NetClientOptions net = new NetClientOptions().setConnectTimeout((int) config.queryTimeout().toMillis());
    return PgBuilder.pool().with(pool).with(net).connectingTo(connect).using(vertx).build();
  }

  public Pool pool() {
    return pool;
  }

  public URI url() {
    return url;
  }

  public Future<Integer> migrate() {
    return Migrations.apply(pool);
  }

  /** Closes the pool; the embedded server is stopped by {@link #stopEmbedded()} (blocking). */
  public Future<Void> closePool() {
    return pool.close();
  }

  /** Blocking: stops the embedded server if this process started it. */
  public void stopEmbedded() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
