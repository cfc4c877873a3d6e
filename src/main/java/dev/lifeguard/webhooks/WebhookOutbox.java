package dev.lifeguard.webhooks;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * Writes risk events into the outbox for every active webhook of the key whose threshold the event
 * reaches ({@code risk.critical} goes to all of them). Runs inside the caller's transaction.
 */
public final class WebhookOutbox {
  private static final String INSERT = "INSERT INTO webhook_events (id, webhook_id, usage_id, event, payload) "
      + "SELECT 'evt_' || replace(gen_random_uuid()::text, '-', ''), w.id, $2, "
      + "CASE WHEN $3 THEN 'risk.critical' ELSE 'risk.elevated' END, "
      + "$4::jsonb || jsonb_build_object('conversation', CASE WHEN w.include_conversation THEN $6::jsonb ELSE $5::jsonb END) "
      + "FROM webhooks w WHERE w.key_id = $1 AND w.active AND ($3 OR "
      + "(CASE w.min_risk_level WHEN 'low' THEN 1 WHEN 'moderate' THEN 2 WHEN 'high' THEN 3 ELSE 4 END) <= $7)";

  private WebhookOutbox() {}

  /** Returns how many deliveries were queued. */
  public static Future<Integer> enqueue(SqlConnection conn, String keyId, long usageId, RiskEvent event) {
    return conn.preparedQuery(INSERT)
        .execute(Tuple.of(keyId, usageId, event.critical(), event.payload(), event.conversation(), event.conversationWithText(),
            event.severity().ordinal()))
        .map(rows -> rows.rowCount());
  }
}
