package dev.lifeguard.accounts;

import dev.lifeguard.webhooks.RiskEvent;
import dev.lifeguard.webhooks.WebhookOutbox;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/**
 * Records usage. A call's webhook events are written in the same transaction as its usage record:
 * either both are durable before the answer goes out, or the call fails and neither exists.
 */
public final class UsageLog {
  private static final String INSERT = "INSERT INTO usage_records (request_id, key_id, endpoint, status, overall_severity, "
      + "speaker_severity, verdict, latency_ms, cost_mills, conversation_id, end_user_id, user_id, session_id, agent_id, content, "
      + "risk_types) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id";

  private final Pool pool;

  public UsageLog(Pool pool) {
    this.pool = pool;
  }

  /** Stores the record (and the event's deliveries, for a keyed call); yields the record's id. */
  public Future<Long> record(UsageRecord r, Optional<RiskEvent> event) {
    if (event.isEmpty() || r.keyId().isEmpty()) {
      // One statement is atomic on its own: no BEGIN and COMMIT round trips on the way to the answer.
      return pool.preparedQuery(INSERT).execute(tuple(r)).map(rows -> rows.iterator().next().getLong("id"));
    }
    return pool.withTransaction(conn -> conn.preparedQuery(INSERT).execute(tuple(r))
        .map(rows -> rows.iterator().next().getLong("id"))
        .compose(id -> WebhookOutbox.enqueue(conn, r.keyId().get(), id, event.get()).map(queued -> id)));
  }

  /** What a call ended as once its output was screened (e.g. {@code input:pass output:replace}); best effort. */
  public Future<Void> outcome(long id, String verdict) {
    return pool.preparedQuery("UPDATE usage_records SET verdict = $2 WHERE id = $1").execute(Tuple.of(id, verdict)).mapEmpty();
  }

  /**
   * A call recorded as answered that then failed (its upstream, or output screening): the status the
   * caller got, how it ended, and no cost (failed calls are refunded). Best effort.
   */
  public Future<Void> failed(long id, int status, String verdict) {
    return pool.preparedQuery("UPDATE usage_records SET status = $2, verdict = $3, cost_mills = 0 WHERE id = $1")
        .execute(Tuple.of(id, status, verdict)).mapEmpty();
  }

  private static Tuple tuple(UsageRecord r) {
    UsageRecord.Identity id = r.identity();
    return Tuple.tuple()
        .addString(r.requestId())
        .addString(r.keyId().orElse(null))
        .addString(r.endpoint())
        .addInteger(r.status())
        .addString(r.overallSeverity().orElse(null))
        .addString(r.speakerSeverity().orElse(null))
        .addString(r.verdict().orElse(null))
        .addInteger((int) Math.min(Integer.MAX_VALUE, r.latencyMillis()))
        .addLong(r.costMills())
        .addString(id.conversationId().orElse(null))
        .addString(id.endUserId().orElse(null))
        .addString(id.userId().orElse(null))
        .addString(id.sessionId().orElse(null))
        .addString(id.agentId().orElse(null))
        .addValue(r.content().orElse(null))
        .addArrayOfString(r.riskTypes().map(types -> types.toArray(String[]::new)).orElse(null));
  }
}
