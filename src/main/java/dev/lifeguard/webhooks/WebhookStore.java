package dev.lifeguard.webhooks;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Webhooks in PostgreSQL, always scoped to the key that owns them: another key's webhook is
 * indistinguishable from one that does not exist.
 */
public final class WebhookStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PING_MESSAGE = "Test webhook from Lifeguard: deliveries to this URL work.";

  private final Pool pool;

  public WebhookStore(Pool pool) {
    this.pool = pool;
  }

  /** A new webhook and its signing secret, which is shown here and never again. */
  public record Created(Webhook webhook, String secret) {}

  /** What a PATCH changes; empty fields stay as they are. */
  public record Changes(Optional<String> url, Optional<String> minRiskLevel, Optional<Boolean> includeConversation,
      Optional<Boolean> enabled) {}

  /** Empty when the key already has {@code maxPerKey} webhooks. */
  public Future<Optional<Created>> create(String keyId, String url, String minRiskLevel, boolean includeConversation,
      int maxPerKey) {
    String id = "whk_" + randomHex(12);
    String secret = "whsec_" + randomHex(24);
    return pool.withTransaction(conn -> conn
        // Serialises creates per key, so the limit holds under concurrent calls.
        .preparedQuery("SELECT pg_advisory_xact_lock(hashtext('webhooks:' || $1))").execute(Tuple.of(keyId))
        .compose(v -> conn.preparedQuery("INSERT INTO webhooks (id, key_id, url, min_risk_level, include_conversation, secret) "
                + "SELECT $1, $2, $3, $4, $5, $6 WHERE (SELECT count(*) FROM webhooks WHERE key_id = $2) < $7 "
                + "RETURNING " + Webhook.COLUMNS)
            .execute(Tuple.of(id, keyId, url, minRiskLevel, includeConversation, secret, maxPerKey)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new Created(Webhook.of(rows.iterator().next()), secret))));
  }

  public Future<List<Webhook>> list(String keyId) {
    return pool.preparedQuery("SELECT " + Webhook.COLUMNS + " FROM webhooks WHERE key_id = $1 ORDER BY created_at, id")
        .execute(Tuple.of(keyId))
        .map(rows -> {
          List<Webhook> all = new ArrayList<>();
          rows.forEach(row -> all.add(Webhook.of(row)));
          return all;
        });
  }

  public Future<Optional<Webhook>> find(String keyId, String id) {
    return pool.preparedQuery("SELECT " + Webhook.COLUMNS + " FROM webhooks WHERE id = $1 AND key_id = $2")
        .execute(Tuple.of(id, keyId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Webhook.of(rows.iterator().next())));
  }

  public Future<Optional<Webhook>> update(String keyId, String id, Changes c) {
    return pool.preparedQuery("UPDATE webhooks SET url = coalesce($3, url), min_risk_level = coalesce($4, min_risk_level), "
            + "include_conversation = coalesce($5, include_conversation), active = coalesce($6, active), updated_at = now() "
            + "WHERE id = $1 AND key_id = $2 RETURNING " + Webhook.COLUMNS)
        .execute(Tuple.of(id, keyId, c.url().orElse(null), c.minRiskLevel().orElse(null),
            c.includeConversation().orElse(null), c.enabled().orElse(null)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Webhook.of(rows.iterator().next())));
  }

  /** Deletes the webhook with its queued deliveries and log: nothing is sent after this. */
  public Future<Boolean> delete(String keyId, String id) {
    return pool.preparedQuery("DELETE FROM webhooks WHERE id = $1 AND key_id = $2")
        .execute(Tuple.of(id, keyId))
        .map(rows -> rows.rowCount() > 0);
  }

  /** A new signing secret; the old one stops signing at once. */
  public Future<Optional<String>> regenerateSecret(String keyId, String id) {
    String secret = "whsec_" + randomHex(24);
    return pool.preparedQuery("UPDATE webhooks SET secret = $3, updated_at = now() WHERE id = $1 AND key_id = $2")
        .execute(Tuple.of(id, keyId, secret))
        .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(secret));
  }

  /** Queues a {@code test.ping}; yields its event id, empty when the webhook is not the key's. */
  public Future<Optional<JsonObject>> enqueuePing(String keyId, String id) {
    String eventId = "evt_" + randomHex(16);
    JsonObject payload = new JsonObject()
        .put("timestamp", Instant.now().toString())
        .put("api_version", RiskEvent.API_VERSION)
        .put("webhook_id", id)
        .put("message", PING_MESSAGE);
    return pool.preparedQuery("INSERT INTO webhook_events (id, webhook_id, event, payload) "
            + "SELECT $1, w.id, 'test.ping', $3 FROM webhooks w WHERE w.id = $2 AND w.key_id = $4 RETURNING id")
        .execute(Tuple.of(eventId, id, payload, keyId))
        .map(rows -> rows.size() == 0 ? Optional.empty()
            : Optional.of(Delivery.body(eventId, "test.ping", payload)));
  }

  /** The delivery log: the webhook's most recent events, each with its attempts. */
  public Future<List<JsonObject>> events(String keyId, String id, int limit) {
    return pool.preparedQuery("SELECT e.id, e.event, e.payload, e.created_at, e.attempts, e.next_attempt_at, e.delivered_at, "
            + "e.failed_at, e.last_status, e.last_error, e.last_attempt_at, "
            + "(SELECT coalesce(json_agg(json_build_object('attempt', a.attempt, 'attempted_at', a.attempted_at, "
            + "'http_status', a.http_status, 'error', a.error, 'duration_ms', a.duration_ms, 'outcome', a.outcome) "
            + "ORDER BY a.attempt, a.id), '[]'::json) FROM webhook_attempts a WHERE a.event_id = e.id) AS log "
            + "FROM webhook_events e JOIN webhooks w ON w.id = e.webhook_id "
            + "WHERE w.id = $1 AND w.key_id = $2 ORDER BY e.created_at DESC, e.id LIMIT $3")
        .execute(Tuple.of(id, keyId, limit))
        .map(rows -> {
          List<JsonObject> events = new ArrayList<>();
          rows.forEach(row -> events.add(event(id, row)));
          return events;
        });
  }

  private static JsonObject event(String webhookId, Row row) {
    String status = row.getOffsetDateTime("delivered_at") != null ? "sent"
        : row.getOffsetDateTime("failed_at") != null ? "failed" : "pending";
    Object log = row.getValue("log");
    return new JsonObject()
        .put("id", row.getString("id"))
        .put("webhook_id", webhookId)
        .put("event_type", row.getString("event"))
        .put("status", status)
        .put("http_status", row.getInteger("last_status"))
        .put("error_message", row.getString("last_error"))
        .put("attempt_count", row.getInteger("attempts"))
        .put("last_attempt_at", text(row.getOffsetDateTime("last_attempt_at")))
        .put("next_retry_at", status.equals("pending") ? text(row.getOffsetDateTime("next_attempt_at")) : null)
        .put("delivered_at", text(row.getOffsetDateTime("delivered_at")))
        .put("failed_at", text(row.getOffsetDateTime("failed_at")))
        .put("created_at", text(row.getOffsetDateTime("created_at")))
        .put("attempts", log instanceof JsonArray array ? array : new JsonArray())
        .put("payload", Delivery.body(row.getString("id"), row.getString("event"), (JsonObject) row.getValue("payload")));
  }

  private static String text(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
