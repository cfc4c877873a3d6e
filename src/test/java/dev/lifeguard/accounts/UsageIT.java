package dev.lifeguard.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.Sql;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One usage record per keyed call, whichever route; retention; the admin summary. */
@ExtendWith(VertxExtension.class)
class UsageIT {
  static final String SCREEN = "{\"messages\":[{\"role\":\"user\",\"content\":\"is it normal to feel tired after a long week?\"}],"
      + "\"config\":{\"conversation_id\":\"conv-9\"}}";

  static JsonObject find(JsonArray groups, String field, String value) {
    return groups.stream().map(JsonObject.class::cast).filter(g -> value.equals(g.getString(field))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + groups.encode()));
  }

  /** Waits for generic records, which are written as an answer ends. */
  static void awaitRecords(URI db, String where, long expected) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (Sql.count(db, "SELECT count(*) FROM usage_records WHERE " + where) < expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Test
  void every_keyed_route_writes_exactly_one_usage_record_per_call(Vertx vertx) throws Exception {
    try (TestGateway gateway = TestGateway.start(vertx)) {
      String key = gateway.createKey("routes");
      List<HttpResponse<Buffer>> calls = new ArrayList<>();
      calls.add(gateway.get("/v1/signpost?country=GB&limit=1", key));
      calls.add(gateway.get("/v1/signpost/countries", key));
      calls.add(gateway.get("/v1/resources/no-such-resource", key));
      calls.add(gateway.postJson("/v1/screen", key, SCREEN));
      calls.add(gateway.postJson("/v0/screen", key, "{\"messages\": 5}"));
      calls.add(gateway.postJson("/v1/evaluate", key, SCREEN));
      calls.add(gateway.get("/v1/models", key));
      URI db = gateway.databaseUrl();

      for (HttpResponse<Buffer> call : calls) {
        String requestId = call.getHeader("X-Request-Id");
        awaitRecords(db, "request_id = '" + requestId + "'", 1);
        Thread.sleep(100);
        assertEquals(1, Sql.count(db, "SELECT count(*) FROM usage_records WHERE request_id = '" + requestId + "'"),
            "exactly one record for the call answered " + call.statusCode());
        assertEquals(Integer.toString(call.statusCode()), Sql.text(db,
            "SELECT status::text FROM usage_records WHERE request_id = '" + requestId + "'"));
      }
      String screen = Sql.text(db, "SELECT endpoint || '|' || overall_severity || '|' || conversation_id || '|' "
          + "|| coalesce(content::text, 'no content') FROM usage_records WHERE request_id = '" + calls.get(3).getHeader("X-Request-Id") + "'");
      assertEquals("/v1/screen|none|conv-9|no content", screen);
      assertEquals("/v1/resources/:id", Sql.text(db, "SELECT endpoint FROM usage_records WHERE request_id = '"
          + calls.get(2).getHeader("X-Request-Id") + "'"));
    }
  }

  @Test
  void assessing_calls_record_the_risk_types_they_found_and_other_calls_none(Vertx vertx) throws Exception {
    String crisis = "{\"messages\":[{\"role\":\"user\",\"content\":\"i have all my pills in my hand and i am going to "
        + "take them tonight, i've written my goodbye letters\"}]}";
    try (TestGateway gateway = TestGateway.start(vertx)) {
      String key = gateway.createKey("risk-types");
      String evaluated = gateway.postJson("/v1/evaluate", key, crisis).getHeader("X-Request-Id");
      String screened = gateway.postJson("/v1/screen", key, SCREEN).getHeader("X-Request-Id");
      String looked = gateway.get("/v1/signpost?country=GB&limit=1", key).getHeader("X-Request-Id");
      URI db = gateway.databaseUrl();
      awaitRecords(db, "key_id IS NOT NULL", 3);

      assertTrue(Sql.text(db, "SELECT array_to_string(risk_types, ',') FROM usage_records WHERE request_id = '" + evaluated + "'")
          .contains("suicide"), "the crisis message is recorded as a suicide risk");
      assertEquals("0", Sql.text(db, "SELECT cardinality(risk_types)::text FROM usage_records WHERE request_id = '" + screened + "'"),
          "assessed, no risk: an empty list");
      assertEquals("not assessed", Sql.text(db, "SELECT coalesce(risk_types::text, 'not assessed') FROM usage_records "
          + "WHERE request_id = '" + looked + "'"));
    }
  }

  @Test
  void records_older_than_the_retention_period_are_purged_in_batches(Vertx vertx) throws Exception {
    try (TestGateway gateway = TestGateway.startWithYaml(vertx,
        "usage:\n  retention_days: 1\n  purge_interval_seconds: 1\n  purge_batch: 10\n")) {
      URI db = gateway.databaseUrl();
      Sql.execute(db, "INSERT INTO usage_records (request_id, endpoint, status, latency_ms, created_at) "
          + "SELECT 'old-' || i, '/v1/screen', 200, 5, now() - interval '2 days' FROM generate_series(1, 35) i");
      Sql.execute(db, "INSERT INTO usage_records (request_id, endpoint, status, latency_ms, created_at) "
          + "SELECT 'new-' || i, '/v1/screen', 200, 5, now() - interval '20 hours' FROM generate_series(1, 5) i");

      long deadline = System.nanoTime() + 15_000_000_000L;
      while (Sql.count(db, "SELECT count(*) FROM usage_records WHERE request_id LIKE 'old-%'") > 0 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertEquals(0, Sql.count(db, "SELECT count(*) FROM usage_records WHERE request_id LIKE 'old-%'"));
      assertEquals(5, Sql.count(db, "SELECT count(*) FROM usage_records WHERE request_id LIKE 'new-%'"), "recent records stay");
    }
  }

  @Test
  void the_admin_summary_aggregates_by_endpoint_verdict_severity_and_day_with_latency_percentiles(Vertx vertx) throws Exception {
    try (TestGateway gateway = TestGateway.start(vertx)) {
      JsonObject key = gateway.createKey("summary", "enterprise", false);
      String other = gateway.createKey("other");
      for (int i = 0; i < 3; i++) {
        assertEquals(200, gateway.postJson("/v1/screen", key.getString("key"), SCREEN).statusCode());
      }
      gateway.get("/v1/signpost?country=US&limit=1", key.getString("key"));
      gateway.get("/v1/signpost/no-such-resource", key.getString("key"));
      gateway.get("/v1/signpost?country=US&limit=1", other);
      awaitRecords(gateway.databaseUrl(), "key_id IS NOT NULL", 6);

      JsonObject report = gateway.admin(HttpMethod.GET, "/admin/v1/usage?key=" + key.getString("id"), null);
      JsonObject totals = report.getJsonObject("totals");
      assertEquals(5, totals.getLong("calls"), report::encodePrettily);
      assertEquals(1, totals.getLong("errors"));
      JsonObject screen = find(report.getJsonArray("by_endpoint"), "endpoint", "/v1/screen");
      assertEquals(3, screen.getLong("calls"));
      JsonObject latency = screen.getJsonObject("latency_ms");
      assertNotNull(latency.getInteger("p50"));
      assertTrue(latency.getInteger("p50") <= latency.getInteger("p99"));
      assertEquals(3, find(report.getJsonArray("by_severity"), "severity", "none").getLong("calls"));
      String today = LocalDate.now(ZoneOffset.UTC).toString();
      assertEquals(5, find(report.getJsonArray("by_day"), "day", today).getLong("calls"));
      assertEquals(3, report.getJsonArray("by_day_and_endpoint").stream().map(JsonObject.class::cast)
          .filter(g -> g.getString("endpoint").equals("/v1/screen") && g.getString("day").equals(today)).findFirst().orElseThrow().getLong("calls"));

      JsonObject everyone = gateway.admin(HttpMethod.GET, "/admin/v1/usage?from=" + today, null);
      assertEquals(6, everyone.getJsonObject("totals").getLong("calls"));
      JsonObject empty = gateway.admin(HttpMethod.GET, "/admin/v1/usage?from=2020-01-01&to=2020-01-02", null);
      assertEquals(0, empty.getJsonObject("totals").getLong("calls"));

      assertEquals(400, gateway.get("/admin/v1/usage?from=yesterday", TestGateway.ADMIN_TOKEN).statusCode());
      assertEquals(400, gateway.get("/admin/v1/usage?from=2026-02-01&to=2026-01-01", TestGateway.ADMIN_TOKEN).statusCode());
      assertEquals(400, gateway.get("/admin/v1/usage?from=2020-01-01&to=2026-01-01", TestGateway.ADMIN_TOKEN).statusCode());
    }
  }
}
