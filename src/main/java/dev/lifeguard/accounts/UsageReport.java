package dev.lifeguard.accounts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Usage summaries for the admin API (and the dashboard): calls, errors, cost and latency
 * percentiles over a time range, in total and by day, endpoint, verdict and severity, from one
 * scan of the range with {@code GROUPING SETS}. Latency percentiles count answered calls (status
 * below 400) only; refusals take no time worth charting.
 */
public final class UsageReport {
  /** The widest range one request may summarise; the answer stays a few hundred rows. */
  public static final Duration MAX_RANGE = Duration.ofDays(366);

  private static final String SUMMARY = "SELECT GROUPING(day, endpoint, verdict, severity) AS g, day::text AS day, endpoint, "
      + "verdict, severity, count(*) AS calls, count(*) FILTER (WHERE status >= 400) AS errors, "
      + "count(*) FILTER (WHERE status = 429) AS rate_limited, count(*) FILTER (WHERE status = 402) AS insufficient_balance, "
      + "coalesce(sum(cost_mills), 0)::bigint AS cost_mills, "
      + "percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE status < 400) AS p50, "
      + "percentile_disc(0.9) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE status < 400) AS p90, "
      + "percentile_disc(0.99) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE status < 400) AS p99, "
      + "max(latency_ms) FILTER (WHERE status < 400) AS max "
      + "FROM (SELECT (created_at AT TIME ZONE 'UTC')::date AS day, endpoint, verdict, overall_severity AS severity, status, "
      + "cost_mills, latency_ms FROM usage_records WHERE created_at >= $1 AND created_at < $2 "
      + "AND ($3::text IS NULL OR key_id = $3)) r "
      + "GROUP BY GROUPING SETS ((), (day), (endpoint), (verdict), (severity), (day, endpoint), (day, verdict)) "
      + "ORDER BY g, day, endpoint, verdict, severity";

  private record Section(String name, List<String> columns) {}

  /** Keyed by GROUPING(day, endpoint, verdict, severity): a bit is set for each column not grouped by. */
  private static final Map<Integer, Section> SECTIONS = Map.of(
      0b0111, new Section("by_day", List.of("day")),
      0b1011, new Section("by_endpoint", List.of("endpoint")),
      0b1101, new Section("by_verdict", List.of("verdict")),
      0b1110, new Section("by_severity", List.of("severity")),
      0b0011, new Section("by_day_and_endpoint", List.of("day", "endpoint")),
      0b0101, new Section("by_day_and_verdict", List.of("day", "verdict")));

  private final Pool pool;

  public UsageReport(Pool pool) {
    this.pool = pool;
  }

  /** The summary of {@code [from, to)}, for one key or all. */
  public Future<JsonObject> summarize(Instant from, Instant to, Optional<String> keyId) {
    JsonObject report = new JsonObject()
        .put("from", from.toString())
        .put("to", to.toString())
        .put("key_id", keyId.orElse(null))
        .put("totals", group(null));
    SECTIONS.values().forEach(section -> report.put(section.name(), new JsonArray()));
    return pool.preparedQuery(SUMMARY)
        .execute(Tuple.of(OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC),
            keyId.orElse(null)))
        .map(rows -> {
          for (Row row : rows) {
            int g = row.getInteger("g");
            if (g == 0b1111) {
              report.put("totals", group(row));
            } else if (SECTIONS.containsKey(g)) {
              Section section = SECTIONS.get(g);
              JsonObject entry = new JsonObject();
              section.columns().forEach(column -> entry.put(column, row.getString(column)));
              report.getJsonArray(section.name()).add(entry.mergeIn(group(row)));
            }
          }
          return report;
        });
  }

  private static JsonObject group(Row row) {
    if (row == null) {
      return new JsonObject().put("calls", 0).put("errors", 0).put("rate_limited", 0).put("insufficient_balance", 0)
          .put("cost_mills", 0).put("latency_ms", new JsonObject().put("p50", null).put("p90", null).put("p99", null).put("max", null));
    }
    return new JsonObject()
        .put("calls", row.getLong("calls"))
        .put("errors", row.getLong("errors"))
        .put("rate_limited", row.getLong("rate_limited"))
        .put("insufficient_balance", row.getLong("insufficient_balance"))
        .put("cost_mills", row.getLong("cost_mills"))
        .put("latency_ms", new JsonObject()
            .put("p50", row.getInteger("p50"))
            .put("p90", row.getInteger("p90"))
            .put("p99", row.getInteger("p99"))
            .put("max", row.getInteger("max")));
  }
}
