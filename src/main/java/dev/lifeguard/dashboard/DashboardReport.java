package dev.lifeguard.dashboard;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What the operator dashboard charts, for one time range, in one answer: calls over time by
 * endpoint and by verdict, latency percentiles and cost over time, severity and risk-type
 * distributions, billed keys' balances, recent high and critical calls, and webhook delivery state.
 *
 * <p>Metadata only: no query here reads {@code usage_records.content} or a webhook payload.
 */
public final class DashboardReport {
  /** Bucket widths to choose from: the narrowest that keeps a range to {@link #MAX_BUCKETS} points. */
  static final List<Duration> BUCKETS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
      Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7));
  static final int MAX_BUCKETS = 120;
  static final int RECENT_LIMIT = 20;
  static final int BALANCES_LIMIT = 20;

  /** Verdict for calls that have none: an error answer, or a route that gives no verdict (evaluate, screen). */
  private static final String SERIES = "SELECT GROUPING(endpoint, verdict) AS g, t, endpoint, verdict, count(*) AS calls, "
      + "count(*) FILTER (WHERE status >= 400) AS errors, coalesce(sum(cost_mills), 0)::bigint AS cost_mills, "
      + "percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE status < 400) AS p50, "
      + "percentile_disc(0.9) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE status < 400) AS p90, "
      + "percentile_disc(0.99) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE status < 400) AS p99 "
      + "FROM (SELECT (floor(extract(epoch FROM created_at) / $3::bigint) * $3::bigint)::bigint AS t, endpoint, "
      + "coalesce(verdict, CASE WHEN status >= 400 THEN 'error' ELSE 'no verdict' END) AS verdict, status, cost_mills, latency_ms "
      + "FROM usage_records WHERE created_at >= $1 AND created_at < $2) r "
      + "GROUP BY GROUPING SETS ((t), (t, endpoint), (t, verdict)) ORDER BY t, endpoint, verdict";

  private static final String DISTRIBUTIONS = "SELECT 'severity' AS kind, overall_severity AS name, count(*) AS calls "
      + "FROM usage_records WHERE created_at >= $1 AND created_at < $2 AND overall_severity IS NOT NULL GROUP BY overall_severity "
      + "UNION ALL SELECT 'risk_type', risk_type, count(*) FROM usage_records, unnest(risk_types) AS risk_type "
      + "WHERE created_at >= $1 AND created_at < $2 GROUP BY risk_type";

  private static final String SERIOUS = "SELECT created_at, endpoint, overall_severity, verdict, request_id, key_id, risk_types "
      + "FROM usage_records WHERE created_at >= $1 AND created_at < $2 AND overall_severity IN ('high', 'critical') "
      + "ORDER BY created_at DESC LIMIT " + RECENT_LIMIT;

  private static final String BALANCES = "SELECT k.id, k.name, m.balance_mills FROM key_meters m JOIN api_keys k ON k.id = m.key_id "
      + "WHERE m.billing AND k.revoked_at IS NULL ORDER BY m.balance_mills, k.id LIMIT " + BALANCES_LIMIT;

  private static final String DELIVERIES = "SELECT count(*) FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL) AS pending, "
      + "count(*) FILTER (WHERE delivered_at IS NOT NULL) AS sent, count(*) FILTER (WHERE failed_at IS NOT NULL) AS failed "
      + "FROM webhook_events WHERE created_at >= $1 AND created_at < $2";

  /** Attempts that did not deliver: a short status or reason, never a body or a receiver URL. */
  private static final String FAILURES = "SELECT a.attempted_at, a.event_id, e.webhook_id, e.event, a.attempt, a.http_status, "
      + "a.error, a.outcome FROM webhook_attempts a JOIN webhook_events e ON e.id = a.event_id "
      + "WHERE a.outcome <> 'delivered' AND a.attempted_at >= $1 AND a.attempted_at < $2 "
      + "ORDER BY a.attempted_at DESC LIMIT " + RECENT_LIMIT;

  private final Pool pool;

  public DashboardReport(Pool pool) {
    this.pool = pool;
  }

  /** The narrowest bucket width that splits {@code range} into at most {@link #MAX_BUCKETS} buckets. */
  public static Duration bucketFor(Duration range) {
    return BUCKETS.stream().filter(b -> range.toSeconds() / b.toSeconds() <= MAX_BUCKETS).findFirst()
        .orElse(BUCKETS.get(BUCKETS.size() - 1));
  }

  /** The dashboard for {@code [from, to)}; series are bucketed by {@link #bucketFor} the range, in UTC epoch seconds. */
  public Future<JsonObject> build(Instant from, Instant to) {
    Duration bucket = bucketFor(Duration.between(from, to));
    Tuple range = Tuple.of(utc(from), utc(to));
    Future<RowSet<Row>> series = pool.preparedQuery(SERIES).execute(Tuple.of(utc(from), utc(to), bucket.toSeconds()));
    Future<RowSet<Row>> distributions = pool.preparedQuery(DISTRIBUTIONS).execute(range);
    Future<RowSet<Row>> serious = pool.preparedQuery(SERIOUS).execute(range);
    Future<RowSet<Row>> balances = pool.query(BALANCES).execute();
    Future<RowSet<Row>> deliveries = pool.preparedQuery(DELIVERIES).execute(range);
    Future<RowSet<Row>> failures = pool.preparedQuery(FAILURES).execute(range);
    return Future.all(List.of(series, distributions, serious, balances, deliveries, failures)).map(done -> {
      JsonObject report = new JsonObject()
          .put("from", from.toString())
          .put("to", to.toString())
          .put("bucket_seconds", bucket.toSeconds());
      series(series.result(), report);
      distributions(distributions.result(), report);
      report.put("recent_serious", serious(serious.result()));
      report.put("balances", balances(balances.result()));
      report.put("webhooks", deliveries(deliveries.result()).put("recent_failures", failures(failures.result())));
      return report;
    });
  }

  private static void series(RowSet<Row> rows, JsonObject report) {
    JsonArray overall = new JsonArray();
    JsonArray byEndpoint = new JsonArray();
    JsonArray byVerdict = new JsonArray();
    for (Row row : rows) {
      long t = row.getLong("t");
      long calls = row.getLong("calls");
      switch (row.getInteger("g")) {
        case 0b11 -> overall.add(new JsonObject().put("t", t).put("calls", calls).put("errors", row.getLong("errors"))
            .put("cost_mills", row.getLong("cost_mills")).put("p50", row.getInteger("p50"))
            .put("p90", row.getInteger("p90")).put("p99", row.getInteger("p99")));
        case 0b01 -> byEndpoint.add(new JsonObject().put("t", t).put("endpoint", row.getString("endpoint")).put("calls", calls));
        case 0b10 -> byVerdict.add(new JsonObject().put("t", t).put("verdict", row.getString("verdict")).put("calls", calls));
        default -> { }
      }
    }
    report.put("over_time", overall).put("calls_by_endpoint", byEndpoint).put("calls_by_verdict", byVerdict);
  }

  private static void distributions(RowSet<Row> rows, JsonObject report) {
    JsonArray severities = new JsonArray();
    JsonArray riskTypes = new JsonArray();
    for (Row row : rows) {
      boolean severity = "severity".equals(row.getString("kind"));
      (severity ? severities : riskTypes).add(new JsonObject()
          .put(severity ? "severity" : "risk_type", row.getString("name")).put("calls", row.getLong("calls")));
    }
    report.put("severity", severities).put("risk_types", riskTypes);
  }

  private static JsonArray serious(RowSet<Row> rows) {
    JsonArray events = new JsonArray();
    for (Row row : rows) {
      String[] types = row.getArrayOfStrings("risk_types");
      events.add(new JsonObject()
          .put("at", row.getOffsetDateTime("created_at").toInstant().toString())
          .put("endpoint", row.getString("endpoint"))
          .put("severity", row.getString("overall_severity"))
          .put("verdict", row.getString("verdict"))
          .put("request_id", row.getString("request_id"))
          .put("key_id", row.getString("key_id"))
          .put("risk_types", types == null ? new JsonArray() : new JsonArray(List.of((Object[]) types))));
    }
    return events;
  }

  private static JsonArray balances(RowSet<Row> rows) {
    JsonArray keys = new JsonArray();
    for (Row row : rows) {
      keys.add(new JsonObject().put("key_id", row.getString("id")).put("name", row.getString("name"))
          .put("balance_mills", row.getLong("balance_mills")));
    }
    return keys;
  }

  private static JsonObject deliveries(RowSet<Row> rows) {
    Row row = rows.iterator().next();
    return new JsonObject().put("pending", row.getLong("pending")).put("sent", row.getLong("sent"))
        .put("failed", row.getLong("failed"));
  }

  private static JsonArray failures(RowSet<Row> rows) {
    JsonArray failures = new JsonArray();
    for (Row row : rows) {
      failures.add(new JsonObject()
          .put("at", row.getOffsetDateTime("attempted_at").toInstant().toString())
          .put("event_id", row.getString("event_id"))
          .put("webhook_id", row.getString("webhook_id"))
          .put("event", row.getString("event"))
          .put("attempt", row.getInteger("attempt"))
          .put("http_status", row.getInteger("http_status"))
          .put("error", row.getString("error"))
          .put("outcome", row.getString("outcome")));
    }
    return failures;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
