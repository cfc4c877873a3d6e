package dev.lifeguard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.TestDatabase;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped and started again under a steady load of keyed evaluate and screen calls: while
 * it is down every call fails fast with 503 and Retry-After and readiness says so; once it is back
 * the same gateway serves again; every call answered 200 has its usage record (and its webhook event).
 */
@ExtendWith(VertxExtension.class)
class DatabaseOutageIT {
  static final String CRISIS = "i have all my pills in my hand and i am going to take them tonight, i've written my goodbye letters";
  static final String BENIGN = "what's a good name for a goldfish?";
  /** Short query timeout so a dead database shows quickly; limits high so the load is never rate limited. */
  static final String YAML = "database:\n  query_timeout_millis: 2000\n"
      + "plans:\n  enterprise:\n    requests_per_minute: 1000000\n    requests_per_day: 10000000\n"
      + "webhooks:\n  deliver: false\n  allow_private_addresses: true\n";
  /** The query timeout, a connect timeout and a retry margin: no call may take longer, database or not. */
  static final long MAX_CALL_MILLIS = 8_000;

  @TempDir
  Path dir;

  record Call(String route, boolean risky, int status, String requestId, String retryAfter, long startedAt, long millis,
      String body) {}

  /** A few threads calling evaluate and screen back to back until stopped. */
  static final class Load {
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new java.util.ArrayList<>();
    volatile boolean running = true;

    Load(TestGateway g, String key, int threads) {
      for (int t = 0; t < threads; t++) {
        int seed = t;
        Thread thread = new Thread(() -> {
          for (int i = seed; running; i++) {
            String route = i % 2 == 0 ? "/v1/evaluate" : "/v1/screen";
            boolean risky = i % 3 == 0;
            long start = System.nanoTime();
            try {
              HttpResponse<Buffer> r = g.postJson(route, key, new JsonObject().put("text", risky ? CRISIS : BENIGN).encode());
              calls.add(new Call(route, risky, r.statusCode(), r.getHeader("X-Request-Id"), r.getHeader("Retry-After"),
                  start, (System.nanoTime() - start) / 1_000_000, r.statusCode() == 200 ? "" : r.bodyAsString()));
            } catch (RuntimeException e) {
              calls.add(new Call(route, risky, -1, null, null, start, (System.nanoTime() - start) / 1_000_000, e.toString()));
            }
          }
        }, "load-" + t);
        thread.start();
        this.threads.add(thread);
      }
    }

    void stop() throws InterruptedException {
      running = false;
      for (Thread t : threads) {
        t.join(30_000);
      }
    }

    long okSince(long nanos) {
      return calls.stream().filter(c -> c.status() == 200 && c.startedAt() > nanos).count();
    }
  }

  private static EmbeddedPostgres postgres(Path data, int port) throws Exception {
    return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
  }

  private static void eventually(long millis, String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("not within " + millis + " ms: " + what);
      }
      Thread.sleep(100);
    }
  }

  private static Set<String> strings(URI db, String sql) throws Exception {
    Set<String> out = new HashSet<>();
    try (Connection c = DriverManager.getConnection(TestDatabase.jdbc(db), "postgres", "");
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void a_database_outage_gives_503_with_retry_after_then_recovers_by_itself_and_loses_nothing_acknowledged(Vertx vertx)
      throws Exception {
    Path data = dir.resolve("pg");
    int pgPort = TestGateway.freePort();
    EmbeddedPostgres pg = postgres(data, pgPort);
    URI db = URI.create("postgresql://postgres@127.0.0.1:" + pgPort + "/postgres");
    try (TestGateway g = TestGateway.startOn(vertx, db, YAML)) {
      String key = g.createKey("outage");
      assertEquals(201, g.postJson("/v1/webhooks", key, new JsonObject().put("url", "http://127.0.0.1:9/hook")
          .put("min_risk_level", "moderate").encode()).statusCode());

      // Given a steady load on a healthy database
      Load load = new Load(g, key, 3);
      eventually(10_000, "calls succeed before the outage", () -> load.okSince(0) >= 10);

      // When the database stops
      pg.close();
      long down = System.nanoTime();
      eventually(8_000, "readiness reports the database down", () -> {
        HttpResponse<Buffer> r = g.get("/health/ready", null);
        return r.statusCode() == 503 && "DOWN".equals(r.bodyAsJsonObject().getJsonObject("checks").getString("database"))
            && r.getHeader("Retry-After") != null;
      });
      Thread.sleep(3_000);
      long failedWhileDown = load.calls.stream().filter(c -> c.startedAt() > down && c.status() == 503).count();

      // And starts again on the same data and port
      pg = postgres(data, pgPort);
      long up = System.nanoTime();
      eventually(20_000, "calls succeed again without restarting the gateway", () -> load.okSince(up) >= 10);
      eventually(5_000, "readiness is back", () -> g.get("/health/ready", null).statusCode() == 200);
      load.stop();

      // Then
      assertTrue(failedWhileDown > 0, "calls were made, and failed, while the database was down");
      for (Call c : load.calls) {
        assertTrue(c.status() == 200 || c.status() == 503, "only 200 or 503, never a 500 or a broken connection: " + c);
        if (c.status() == 503) {
          assertEquals("5", c.retryAfter(), "a 503 says when to retry: " + c);
          assertTrue(c.body().contains("service_unavailable"), c.body());
        }
        assertTrue(c.millis() < MAX_CALL_MILLIS, "no call hangs beyond the timeouts: " + c);
      }
      Set<String> recorded = strings(db, "SELECT request_id FROM usage_records");
      Set<String> withEvent = strings(db, "SELECT u.request_id FROM webhook_events e JOIN usage_records u ON e.usage_id = u.id");
      List<Call> acknowledged = load.calls.stream().filter(c -> c.status() == 200).toList();
      for (Call c : acknowledged) {
        assertTrue(recorded.contains(c.requestId()), "a call answered 200 has its usage record: " + c);
        if (c.route().equals("/v1/evaluate") && c.risky()) {
          assertTrue(withEvent.contains(c.requestId()), "a risky evaluation answered 200 has its webhook event: " + c);
        }
      }
      System.out.printf("database outage: %d calls, %d answered 200, %d answered 503 (%d while down)%n",
          load.calls.size(), acknowledged.size(), load.calls.stream().filter(c -> c.status() == 503).count(), failedWhileDown);
    } finally {
      pg.close();
    }
  }
}
