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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Prepaid balances: charged atomically with admission, refunded on failure, topped up by the admin. */
@ExtendWith(VertxExtension.class)
class BalanceIT {
  static final String TOPUP = "https://billing.example.org/topup";
  static final String SCREEN = "{\"messages\":[{\"role\":\"user\",\"content\":\"what should i cook for dinner tonight?\"}]}";
  static final String EVALUATE = "{\"messages\":[{\"role\":\"user\",\"content\":\"any tips for a long train ride?\"}]}";

  /** A billed key holding {@code mills}. */
  static JsonObject billedKey(TestGateway gateway, String name, long mills) {
    JsonObject created = gateway.createKey(name, "enterprise", false);
    String id = created.getString("id");
    gateway.admin(HttpMethod.PATCH, "/admin/v1/keys/" + id, new JsonObject().put("billing", true));
    if (mills > 0) {
      gateway.admin(HttpMethod.POST, "/admin/v1/keys/" + id + "/balance", new JsonObject().put("add_mills", mills));
    }
    return created;
  }

  static long balance(TestGateway gateway, String id) {
    return gateway.admin(HttpMethod.GET, "/admin/v1/keys/" + id, null).getLong("balance_mills");
  }

  static long usage(URI db, String sql) throws Exception {
    // Generic records are written as the answer ends: give them a moment.
    long deadline = System.nanoTime() + 5_000_000_000L;
    long value = Sql.count(db, sql);
    while (System.nanoTime() < deadline) {
      Thread.sleep(100);
      long again = Sql.count(db, sql);
      if (again == value) {
        return value;
      }
      value = again;
    }
    return value;
  }

  @Test
  void a_hundred_concurrent_calls_on_a_balance_for_fifty_charge_exactly_fifty(Vertx vertx) throws Exception {
    try (TestGateway gateway = TestGateway.startWithYaml(vertx, "pricing:\n  topup_url: " + TOPUP + "\n")) {
      JsonObject key = billedKey(gateway, "fifty", 50);
      gateway.postJson("/v1/screen", gateway.createKey("warm-up"), SCREEN);

      // When
      List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        sent.add(gateway.client().post("/v1/screen").putHeader("Authorization", "Bearer " + key.getString("key"))
            .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(SCREEN)));
      }
      Future.all(sent).await();

      // Then
      List<HttpResponse<Buffer>> answers = sent.stream().map(Future::result).toList();
      assertEquals(50, answers.stream().filter(r -> r.statusCode() == 200).count());
      assertEquals(50, answers.stream().filter(r -> r.statusCode() == 402).count());
      assertEquals(0, balance(gateway, key.getString("id")));
      Set<String> balances = new HashSet<>();
      for (HttpResponse<Buffer> r : answers) {
        if (r.statusCode() == 200) {
          assertEquals("$0.001", r.getHeader("X-Cost"));
          assertEquals("1", r.getHeader("X-Cost-Mills"));
          balances.add(r.getHeader("X-Balance-Mills"));
        } else {
          assertEquals(new JsonObject().put("error", "insufficient_balance")
              .put("message", "Insufficient balance. This call costs $0.001 but you have $0.")
              .put("balance", new JsonObject().put("current_mills", 0).put("required_mills", 1)
                  .put("formatted_current", "$0").put("formatted_required", "$0.001"))
              .put("topup_url", TOPUP), r.bodyAsJsonObject());
          assertEquals("0", r.getHeader("X-Balance-Mills"));
          assertEquals("$0", r.getHeader("X-Balance"));
          assertEquals("1", r.getHeader("X-Cost-Mills"));
          assertEquals("$0.001", r.getHeader("X-Cost"));
        }
      }
      assertEquals(50, balances.size(), "every paid call saw its own balance after the charge");
      URI db = gateway.databaseUrl();
      String mine = "FROM usage_records WHERE key_id = '" + key.getString("id") + "'";
      assertEquals(100, usage(db, "SELECT count(*) " + mine), "one usage record per call, refused ones included");
      assertEquals(50, Sql.count(db, "SELECT coalesce(sum(cost_mills), 0) " + mine), "the records add up to what was charged");
      assertEquals(50, Sql.count(db, "SELECT count(*) " + mine + " AND status = 402"));
    }
  }

  @Test
  void evaluate_is_charged_its_price_recorded_with_its_cost_and_refunded_when_it_fails(Vertx vertx) throws Exception {
    try (TestGateway gateway = TestGateway.start(vertx)) {
      JsonObject key = billedKey(gateway, "evaluate", 12_345);

      HttpResponse<Buffer> paid = gateway.postJson("/v1/evaluate", key.getString("key"), EVALUATE);
      assertEquals(200, paid.statusCode(), paid::bodyAsString);
      assertEquals("$0.003", paid.getHeader("X-Cost"));
      assertEquals("3", paid.getHeader("X-Cost-Mills"));
      assertEquals("12342", paid.getHeader("X-Balance-Mills"));
      assertEquals("$12.34", paid.getHeader("X-Balance"));
      URI db = gateway.databaseUrl();
      String request = "FROM usage_records WHERE request_id = '" + paid.getHeader("X-Request-Id") + "'";
      assertEquals(1, usage(db, "SELECT count(*) " + request), "evaluate writes its own record, and only that one");
      assertEquals(3, Sql.count(db, "SELECT cost_mills " + request));

      HttpResponse<Buffer> invalid = gateway.postJson("/v1/evaluate", key.getString("key"), "{\"messages\":[]}");
      assertEquals(400, invalid.statusCode());
      assertEquals("$0", invalid.getHeader("X-Cost"), "a failed call is not paid for");
      assertEquals("12342", invalid.getHeader("X-Balance-Mills"));
      long deadline = System.nanoTime() + 3_000_000_000L;
      while (balance(gateway, key.getString("id")) != 12_342 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(12_342, balance(gateway, key.getString("id")), "the charge was given back");
      assertEquals(0, usage(db, "SELECT cost_mills FROM usage_records WHERE request_id = '" + invalid.getHeader("X-Request-Id") + "'"));
    }
  }

  @Test
  void new_keys_are_unmetered_and_test_keys_are_never_charged(Vertx vertx) {
    try (TestGateway gateway = TestGateway.start(vertx)) {
      HttpResponse<Buffer> unmetered = gateway.postJson("/v1/screen", gateway.createKey("plain"), SCREEN);
      assertEquals(200, unmetered.statusCode());
      assertEquals("0", unmetered.getHeader("X-Cost-Mills"));
      assertNull(unmetered.getHeader("X-Balance-Mills"), "an unmetered key has no balance to report");

      JsonObject test = gateway.createKey("sandbox", "pro", true);
      gateway.admin(HttpMethod.PATCH, "/admin/v1/keys/" + test.getString("id"), new JsonObject().put("billing", true));
      HttpResponse<Buffer> free = gateway.postJson("/v1/screen", test.getString("key"), SCREEN);
      assertEquals(200, free.statusCode(), "a test key with billing on and nothing in the balance still works");
      assertEquals("$0", free.getHeader("X-Cost"));
      assertEquals("0", free.getHeader("X-Balance-Mills"));
    }
  }

  @Test
  void the_admin_tops_up_corrects_and_lists_balances(Vertx vertx) throws Exception {
    try (TestGateway gateway = TestGateway.start(vertx)) {
      String id = gateway.createKey("customer", "pro", false).getString("id");
      String path = "/admin/v1/keys/" + id + "/balance";

      JsonObject topped = gateway.admin(HttpMethod.POST, path, new JsonObject().put("add_mills", 5000).put("note", "invoice 7"));
      assertEquals(5000, topped.getLong("balance_mills"));
      assertEquals("$5.00", topped.getString("balance"));
      assertEquals(false, topped.getBoolean("billing"), "topping up does not switch billing on by itself");

      HttpResponse<Buffer> below = gateway.send(HttpMethod.POST, path, TestGateway.ADMIN_TOKEN, new JsonObject().put("add_mills", -6000).encode());
      assertEquals(409, below.statusCode());
      assertEquals(5000, below.bodyAsJsonObject().getLong("balance_mills"));
      assertEquals(200, gateway.send(HttpMethod.POST, path, TestGateway.ADMIN_TOKEN, new JsonObject().put("add_mills", -1000).encode()).statusCode());
      assertEquals(400, gateway.send(HttpMethod.POST, path, TestGateway.ADMIN_TOKEN, "{\"add_mills\":\"lots\"}").statusCode());
      assertEquals(400, gateway.send(HttpMethod.POST, path, TestGateway.ADMIN_TOKEN, "{\"add_mills\":5,\"currency\":\"eur\"}").statusCode());
      assertEquals(404, gateway.send(HttpMethod.POST, "/admin/v1/keys/key_missing/balance", TestGateway.ADMIN_TOKEN,
          "{\"add_mills\":5}").statusCode());

      JsonArray listed = gateway.admin(HttpMethod.GET, "/admin/v1/balances", null).getJsonArray("balances");
      JsonObject mine = listed.stream().map(JsonObject.class::cast).filter(b -> b.getString("key_id").equals(id)).findFirst().orElseThrow();
      assertEquals(4000, mine.getLong("balance_mills"));
      assertEquals("5000|4000|invoice 7", Sql.text(gateway.databaseUrl(),
          "SELECT string_agg(balance_mills::text, '|' ORDER BY id) || '|' || max(note) FROM balance_changes WHERE key_id = '" + id + "'"));
      assertTrue(gateway.get("/admin/v1/balances", "wrong-token-wrong-token").statusCode() == 401);
    }
  }
}
