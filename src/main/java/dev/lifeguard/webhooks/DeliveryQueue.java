package dev.lifeguard.webhooks;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox seen by delivery workers. Claiming is one statement (its own short transaction):
 * due rows are locked with {@code FOR UPDATE SKIP LOCKED}, so concurrent instances take disjoint
 * rows, and leased by moving {@code next_attempt_at} one lease ahead, so nobody else takes them while
 * they are being sent and a crashed instance's rows come due again. Times are the database's.
 */
final class DeliveryQueue {
  private static final String CLAIM = "WITH due AS ("
      + " SELECT e.id FROM webhook_events e JOIN webhooks w ON w.id = e.webhook_id"
      + " WHERE e.delivered_at IS NULL AND e.failed_at IS NULL AND e.next_attempt_at <= now() AND w.active"
      + " ORDER BY e.next_attempt_at LIMIT $1 FOR UPDATE OF e SKIP LOCKED)"
      + " UPDATE webhook_events e SET attempts = e.attempts + 1, claim_token = $2,"
      + " next_attempt_at = now() + ($3::bigint * interval '1 millisecond')"
      + " FROM due, webhooks w WHERE e.id = due.id AND w.id = e.webhook_id"
      + " RETURNING e.id, e.webhook_id, e.event, e.payload, e.attempts, w.url, w.secret";

  /** The outcome counts only while the claim is still ours (the lease did not run out and get re-claimed). */
  private static final String COMPLETE = "UPDATE webhook_events SET"
      + " delivered_at = CASE WHEN $3 = 'delivered' THEN now() END,"
      + " failed_at = CASE WHEN $3 = 'failed' THEN now() END,"
      + " next_attempt_at = CASE WHEN $3 = 'retry' THEN now() + ($4::bigint * interval '1 millisecond') ELSE next_attempt_at END,"
      + " last_status = $5, last_error = $6, last_attempt_at = now(), claim_token = NULL"
      + " WHERE id = $1 AND claim_token = $2";

  private static final String LOG = "INSERT INTO webhook_attempts (event_id, attempt, http_status, error, duration_ms, outcome)"
      + " VALUES ($1, $2, $3, $4, $5, $6)";

  private final Pool pool;

  DeliveryQueue(Pool pool) {
    this.pool = pool;
  }

  Future<List<Delivery>> claim(int limit, Duration lease) {
    String token = UUID.randomUUID().toString();
    return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, token, lease.toMillis()))
        .map(rows -> {
          List<Delivery> claimed = new ArrayList<>();
          for (Row row : rows) {
            claimed.add(new Delivery(row.getString("id"), row.getString("webhook_id"), row.getString("event"),
                (JsonObject) row.getValue("payload"), row.getInteger("attempts"), row.getString("url"),
                row.getString("secret"), token));
          }
          return claimed;
        });
  }

  /** Records the attempt and its consequence; yields false when the claim had been lost. */
  Future<Boolean> complete(Delivery d, Attempt attempt, Attempt.Outcome outcome, Duration retryAfter) {
    String word = outcome.name().toLowerCase();
    return pool.withTransaction(conn -> conn.preparedQuery(COMPLETE)
        .execute(Tuple.of(d.eventId(), d.claimToken(), word, retryAfter.toMillis(), attempt.httpStatus(), attempt.error()))
        .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture(false)
            : conn.preparedQuery(LOG).execute(Tuple.of(d.eventId(), d.attempt(), attempt.httpStatus(), attempt.error(),
                (int) Math.min(Integer.MAX_VALUE, attempt.durationMillis()), word)).map(true)));
  }
}
