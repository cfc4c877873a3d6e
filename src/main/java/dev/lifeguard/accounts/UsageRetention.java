package dev.lifeguard.accounts;

import dev.lifeguard.config.UsageConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges usage records older than the retention period, periodically, in bounded batches. Each
 * batch locks its rows with {@code SKIP LOCKED}, so instances purging at the same time take
 * different rows instead of waiting on each other.
 */
public final class UsageRetention {
  private static final Logger LOG = LoggerFactory.getLogger(UsageRetention.class);
  /** A run deletes at most this many batches; a larger backlog is worked off over the next runs. */
  static final int MAX_BATCHES_PER_RUN = 100;
  /** After a restart the first purge comes soon, not a whole interval later. */
  static final Duration MAX_FIRST_DELAY = Duration.ofSeconds(60);

  private static final String PURGE = "DELETE FROM usage_records WHERE id IN (SELECT id FROM usage_records "
      + "WHERE created_at < now() - make_interval(days => $1) ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)";

  private final Vertx vertx;
  private final Pool pool;
  private final UsageConfig config;
  private final AtomicBoolean running = new AtomicBoolean();
  private long timer = -1;

  public UsageRetention(Vertx vertx, Pool pool, UsageConfig config) {
    this.vertx = vertx;
    this.pool = pool;
    this.config = config;
  }

  public void start() {
    long interval = config.purgeInterval().toMillis();
    timer = vertx.setPeriodic(Math.min(interval, MAX_FIRST_DELAY.toMillis()), interval, id -> {
      // A slow run is never overlapped by the next one.
      if (running.compareAndSet(false, true)) {
        purge().onComplete(done -> running.set(false));
      }
    });
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** One run: batches until a short one or the per-run bound; completes with the rows deleted. */
  public Future<Long> purge() {
    return batch(0, 0).onSuccess(deleted -> {
      if (deleted > 0) {
        LOG.info("event=usage_purged rows={} retention_days={}", deleted, config.retentionDays());
      }
    }).onFailure(e -> LOG.warn("event=usage_purge_failed error={}", e.toString()));
  }

  private Future<Long> batch(int done, long deleted) {
    return pool.preparedQuery(PURGE).execute(Tuple.of(config.retentionDays(), config.purgeBatch()))
        .compose(rows -> {
          long total = deleted + rows.rowCount();
          return rows.rowCount() < config.purgeBatch() || done + 1 >= MAX_BATCHES_PER_RUN
              ? Future.succeededFuture(total) : batch(done + 1, total);
        });
  }
}
