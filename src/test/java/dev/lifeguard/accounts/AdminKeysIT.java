package dev.lifeguard.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Key lifecycle through the admin API, and the admin API's own protection. */
@ExtendWith(VertxExtension.class)
class AdminKeysIT {

  @Test
  void created_keys_work_are_listed_without_secrets_and_stop_working_within_5s_of_revocation(Vertx vertx) throws Exception {
    try (TestGateway gateway = TestGateway.start(vertx); TestGateway second = TestGateway.startSharing(vertx, gateway)) {
      HttpResponse<Buffer> created = gateway.send(HttpMethod.POST, "/admin/v1/keys", TestGateway.ADMIN_TOKEN,
          new JsonObject().put("name", "clinic app").put("plan", "pro").put("test", true).encode());
      assertEquals(201, created.statusCode(), created::bodyAsString);
      JsonObject body = created.bodyAsJsonObject();
      String key = body.getString("key");
      assertTrue(key.startsWith("nope_test_") && key.length() >= "nope_test_".length() + 32, key);
      assertEquals("pro", body.getString("plan"));

      assertEquals(200, gateway.get("/v1/signpost?country=US", key).statusCode());
      assertEquals(200, second.get("/v1/signpost?country=US", key).statusCode(), "keys work on every instance");

      String listing = gateway.get("/admin/v1/keys", TestGateway.ADMIN_TOKEN).bodyAsString();
      assertTrue(listing.contains(body.getString("id")) && listing.contains("clinic app"));
      assertFalse(listing.contains(key.substring(14)), "a key is shown once, at creation, never listed");

      HttpResponse<Buffer> revoked = gateway.send(HttpMethod.DELETE, "/admin/v1/keys/" + body.getString("id"), TestGateway.ADMIN_TOKEN, null);
      assertEquals(200, revoked.statusCode());
      assertNotNull(revoked.bodyAsJsonObject().getString("revoked_at"));

      long deadline = System.nanoTime() + 5_000_000_000L;
      boolean stoppedEverywhere = false;
      while (System.nanoTime() < deadline && !stoppedEverywhere) {
        stoppedEverywhere = gateway.get("/v1/signpost?country=US", key).statusCode() == 401
            && second.get("/v1/signpost?country=US", key).statusCode() == 401;
        Thread.sleep(200);
      }
      assertTrue(stoppedEverywhere, "revoked key must stop working on every instance within 5 s");
    }
  }

  @Test
  void keys_are_stored_only_as_hashes(Vertx vertx) throws Exception {
    try (TestGateway gateway = TestGateway.start(vertx)) {
      String key = gateway.createKey("hash check");
      String dump = dev.lifeguard.testing.Sql.dumpTable(gateway.databaseUrl(), "api_keys");
      assertFalse(dump.contains(key.substring(10)), "the key's secret part must not be stored");
    }
  }

  @Test
  void revoking_an_unknown_key_is_a_404(Vertx vertx) {
    try (TestGateway gateway = TestGateway.start(vertx)) {
      assertEquals(404, gateway.send(HttpMethod.DELETE, "/admin/v1/keys/key_nope", TestGateway.ADMIN_TOKEN, null).statusCode());
    }
  }

  @Test
  void admin_api_and_dashboard_are_absent_without_a_token(Vertx vertx) {
    try (TestGateway gateway = TestGateway.start(vertx, Map.of("LIFEGUARD_ADMIN_TOKEN", ""))) {
      HttpResponse<Buffer> r = gateway.get("/admin/v1/keys", "anything");
      assertEquals(404, r.statusCode());
      assertNull(r.bodyAsJsonObject().getValue("keys"));
      assertEquals(404, gateway.get("/admin/v1/dashboard", "anything").statusCode());
      assertEquals(404, gateway.get("/dashboard", null).statusCode());
      assertEquals(404, gateway.get("/dashboard/dashboard.js", null).statusCode());
    }
  }
}
