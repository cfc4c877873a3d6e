package dev.lifeguard.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.Sql;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Plan limits held in PostgreSQL: exact across instances, reported in headers, 429 in the fixture's shape. */
@ExtendWith(VertxExtension.class)
class RateLimitIT {
  static final String SIGNPOST = "/v1/signpost?country=US&limit=1";

  /** Calls fired together, without waiting for each other. */
  static List<HttpResponse<Buffer>> concurrently(List<TestGateway> gateways, int calls, String path, String key) {
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      sent.add(gateways.get(i % gateways.size()).client().get(path).putHeader("Authorization", "Bearer " + key).send());
    }
    Future.all(sent).await();
    return sent.stream().map(Future::result).toList();
  }

  /** A minute window must not roll over in the middle of a test that counts within one. */
  static void awayFromTheEndOfAMinute() throws InterruptedException {
    long intoMinute = System.currentTimeMillis() % 60_000;
    if (intoMinute > 45_000) {
      Thread.sleep(60_500 - intoMinute);
    }
  }

  static long status(List<HttpResponse<Buffer>> responses, int status) {
    return responses.stream().filter(r -> r.statusCode() == status).count();
  }

  @Test
  void two_instances_on_one_database_admit_exactly_the_plans_calls_per_minute(Vertx vertx) throws Exception {
    try (TestGateway first = TestGateway.start(vertx); TestGateway second = TestGateway.startSharing(vertx, first)) {
      JsonObject created = first.createKey("free app", "free", false);
      awayFromTheEndOfAMinute();

      // When
      List<HttpResponse<Buffer>> answers = concurrently(List.of(first, second), 15, SIGNPOST, created.getString("key"));

      // Then
      assertEquals(10, status(answers, 200), "the free plan allows 10 calls a minute, whichever instance takes them");
      assertEquals(5, status(answers, 429));
      Set<String> remaining = new HashSet<>();
      long reset = Long.parseLong(answers.get(0).getHeader("X-RateLimit-Reset"));
      assertEquals(0, reset % 60_000, "resets at the end of the minute, in epoch milliseconds");
      assertTrue(reset > System.currentTimeMillis() && reset <= System.currentTimeMillis() + 60_000, "reset " + reset);
      for (HttpResponse<Buffer> r : answers) {
        assertEquals("10", r.getHeader("X-RateLimit-Limit"));
        assertEquals(reset, Long.parseLong(r.getHeader("X-RateLimit-Reset")));
        if (r.statusCode() == 200) {
          remaining.add(r.getHeader("X-RateLimit-Remaining"));
        } else {
          JsonObject body = r.bodyAsJsonObject();
          long retryAfter = Long.parseLong(r.getHeader("Retry-After"));
          assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
          assertEquals(new JsonObject().put("error", "rate_limit_exceeded")
              .put("message", "Rate limit exceeded. Please retry after " + retryAfter + " seconds.")
              .put("retry_after_seconds", retryAfter).put("limit", 10).put("remaining", 0).put("reset", reset), body);
          assertEquals("0", r.getHeader("X-RateLimit-Remaining"));
        }
      }
      assertEquals(Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), remaining, "each admitted call saw its own count");
      assertEquals(15, Sql.count(first.databaseUrl(), "SELECT count(*) FROM usage_records WHERE key_id = '" + created.getString("id") + "'"),
          "refused calls are recorded too");
    }
  }

  @Test
  void the_day_limit_refuses_until_the_next_utc_midnight(Vertx vertx) {
    try (TestGateway gateway = TestGateway.startWithYaml(vertx, "plans:\n  free:\n    requests_per_day: 3\n")) {
      String key = gateway.createKey("daily", "free", false).getString("key");
      long midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();

      HttpResponse<Buffer> first = gateway.get(SIGNPOST, key);
      assertEquals(200, first.statusCode());
      assertEquals("3", first.getHeader("X-RateLimit-Limit"), "the tighter window is reported: 2 left today, 9 this minute");
      assertEquals("2", first.getHeader("X-RateLimit-Remaining"));
      assertEquals(Long.toString(midnight), first.getHeader("X-RateLimit-Reset"));
      gateway.get(SIGNPOST, key);
      gateway.get(SIGNPOST, key);

      HttpResponse<Buffer> refused = gateway.get(SIGNPOST, key);
      assertEquals(429, refused.statusCode());
      assertEquals(midnight, refused.bodyAsJsonObject().getLong("reset"));
      long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
      long untilMidnight = (midnight - System.currentTimeMillis()) / 1000;
      assertTrue(Math.abs(retryAfter - untilMidnight) <= 2, "Retry-After " + retryAfter + " vs " + untilMidnight);
    }
  }

  @Test
  void every_authenticated_answer_carries_the_limit_headers_errors_included(Vertx vertx) {
    try (TestGateway gateway = TestGateway.start(vertx)) {
      String key = gateway.createKey("headers", "pro", false).getString("key");

      HttpResponse<Buffer> notFound = gateway.get("/v1/signpost/no-such-resource", key);
      assertEquals(404, notFound.statusCode());
      assertEquals("100", notFound.getHeader("X-RateLimit-Limit"));
      assertEquals("99", notFound.getHeader("X-RateLimit-Remaining"));
      assertEquals("0", notFound.getHeader("X-Cost-Mills"));
      assertEquals("$0", notFound.getHeader("X-Cost"));

      HttpResponse<Buffer> invalid = gateway.postJson("/v1/screen", key, "{\"messages\": 5}");
      assertEquals(400, invalid.statusCode());
      assertEquals("98", invalid.getHeader("X-RateLimit-Remaining"));

      HttpResponse<Buffer> anonymous = gateway.get(SIGNPOST, null);
      assertEquals(401, anonymous.statusCode());
      assertNull(anonymous.getHeader("X-RateLimit-Limit"), "no key, no quota to report");
    }
  }

  @Test
  void enterprise_keys_get_the_limits_the_admin_sets_and_test_keys_are_limited_too(Vertx vertx) {
    try (TestGateway gateway = TestGateway.start(vertx)) {
      JsonObject enterprise = gateway.createKey("big customer", "enterprise", false);
      JsonObject changed = gateway.admin(HttpMethod.PATCH, "/admin/v1/keys/" + enterprise.getString("id"),
          new JsonObject().put("rate_limit_per_minute", 2).put("rate_limit_per_day", 50000));
      assertEquals(2, changed.getJsonObject("limits").getInteger("requests_per_minute"));
      assertEquals(50000, changed.getInteger("rate_limit_per_day"));

      List<HttpResponse<Buffer>> answers = concurrently(List.of(gateway), 3, SIGNPOST, enterprise.getString("key"));
      assertEquals(2, status(answers, 200));
      assertEquals(1, status(answers, 429));
      assertTrue(answers.stream().allMatch(r -> r.getHeader("X-RateLimit-Limit").equals("2")));

      String test = gateway.createKey("sandbox", "free", true).getString("key");
      List<HttpResponse<Buffer>> testAnswers = concurrently(List.of(gateway), 11, SIGNPOST, test);
      assertEquals(10, status(testAnswers, 200), "nope_test_ keys have their plan's limits");
      assertEquals(1, status(testAnswers, 429));

      HttpResponse<Buffer> bad = gateway.send(HttpMethod.PATCH, "/admin/v1/keys/" + enterprise.getString("id"),
          TestGateway.ADMIN_TOKEN, new JsonObject().put("rate_limit_per_minute", 0).encode());
      assertEquals(400, bad.statusCode());
      assertEquals(404, gateway.send(HttpMethod.PATCH, "/admin/v1/keys/key_missing", TestGateway.ADMIN_TOKEN,
          new JsonObject().put("plan", "pro").encode()).statusCode());
    }
  }
}
