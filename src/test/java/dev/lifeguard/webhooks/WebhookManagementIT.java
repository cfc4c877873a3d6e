package dev.lifeguard.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The management API under {@code /v1/webhooks}: each key sees only its own webhooks, the secret is
 * shown once, bad input is a 400 naming the field. Delivery is off here, so queued events stay put.
 */
@ExtendWith(VertxExtension.class)
class WebhookManagementIT {
  private static TestGateway gateway;
  private static String owner;
  private static String stranger;

  @BeforeAll
  static void start(Vertx vertx) {
    gateway = TestGateway.startWithYaml(vertx,
        "webhooks:\n  deliver: false\n  allow_private_addresses: true\n  max_per_key: 3\n");
    owner = gateway.createKey("owner");
    stranger = gateway.createKey("stranger");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static HttpResponse<Buffer> call(HttpMethod method, String path, String key, JsonObject body) {
    return gateway.send(method, path, key, body == null ? null : body.encode());
  }

  private static JsonObject create(String key, JsonObject body) {
    HttpResponse<Buffer> r = call(HttpMethod.POST, "/v1/webhooks", key, body);
    assertEquals(201, r.statusCode(), r::bodyAsString);
    return r.bodyAsJsonObject();
  }

  private static String badRequest(HttpMethod method, String path, JsonObject body) {
    HttpResponse<Buffer> r = call(method, path, owner, body);
    assertEquals(400, r.statusCode(), r::bodyAsString);
    return r.bodyAsJsonObject().getString("error");
  }

  @Test
  void a_created_webhook_has_defaults_and_its_secret_is_shown_only_once() {
    JsonObject created = create(owner, new JsonObject().put("url", "http://127.0.0.1:9/hooks/a"));
    String id = created.getString("id");
    assertTrue(id.matches("whk_[0-9a-f]{24}"), id);
    assertTrue(created.getString("secret").matches("whsec_[0-9a-f]{48}"), created::encode);
    assertEquals("high", created.getString("min_risk_level"));
    assertEquals(false, created.getBoolean("include_conversation"));
    assertEquals(true, created.getBoolean("enabled"));
    assertEquals("http://127.0.0.1:9/hooks/a", created.getString("url"));

    JsonObject fetched = call(HttpMethod.GET, "/v1/webhooks/" + id, owner, null).bodyAsJsonObject();
    assertFalse(fetched.containsKey("secret"));
    assertEquals(id, fetched.getString("id"));
    JsonArray listed = call(HttpMethod.GET, "/v1/webhooks", owner, null).bodyAsJsonObject().getJsonArray("webhooks");
    assertTrue(listed.stream().map(JsonObject.class::cast).anyMatch(w -> w.getString("id").equals(id)));
    assertFalse(listed.encode().contains("whsec_"), "the list never shows secrets");
    call(HttpMethod.DELETE, "/v1/webhooks/" + id, owner, null);
  }

  @Test
  void a_patch_changes_only_the_fields_it_names_and_a_delete_removes_the_webhook_and_its_queue() throws Exception {
    String id = create(owner, new JsonObject().put("url", "http://localhost:9/b").put("min_risk_level", "moderate")
        .put("include_conversation", true)).getString("id");
    HttpResponse<Buffer> patched = call(HttpMethod.PATCH, "/v1/webhooks/" + id, owner,
        new JsonObject().put("min_risk_level", "critical").put("enabled", false));
    assertEquals(200, patched.statusCode(), patched::bodyAsString);
    assertEquals("critical", patched.bodyAsJsonObject().getString("min_risk_level"));
    assertEquals(false, patched.bodyAsJsonObject().getBoolean("enabled"));
    assertEquals(true, patched.bodyAsJsonObject().getBoolean("include_conversation"), "unnamed fields keep their value");
    assertEquals("http://localhost:9/b", patched.bodyAsJsonObject().getString("url"));

    assertEquals(202, call(HttpMethod.POST, "/v1/webhooks/" + id + "/test", owner, null).statusCode());
    HttpResponse<Buffer> deleted = call(HttpMethod.DELETE, "/v1/webhooks/" + id, owner, null);
    assertEquals(200, deleted.statusCode());
    assertEquals(true, deleted.bodyAsJsonObject().getBoolean("success"));
    assertEquals(404, call(HttpMethod.GET, "/v1/webhooks/" + id, owner, null).statusCode());
    assertEquals(0, Sql.count(gateway.databaseUrl(), "SELECT count(*) FROM webhook_events WHERE webhook_id = '" + id + "'"),
        "nothing queued is sent after a delete");
  }

  @Test
  void a_test_ping_is_queued_and_shows_in_the_delivery_log() {
    String id = create(owner, new JsonObject().put("url", "http://127.0.0.1:9/c")).getString("id");
    HttpResponse<Buffer> test = call(HttpMethod.POST, "/v1/webhooks/" + id + "/test", owner, null);
    assertEquals(202, test.statusCode(), test::bodyAsString);
    String eventId = test.bodyAsJsonObject().getString("event_id");
    assertTrue(eventId.matches("evt_[0-9a-f]{32}"), eventId);

    for (String log : new String[] {"/deliveries", "/events"}) {
      HttpResponse<Buffer> r = call(HttpMethod.GET, "/v1/webhooks/" + id + log, owner, null);
      assertEquals(200, r.statusCode(), r::bodyAsString);
      JsonObject event = r.bodyAsJsonObject().getJsonArray("events").getJsonObject(0);
      assertEquals(eventId, event.getString("id"));
      assertEquals("test.ping", event.getString("event_type"));
      assertEquals("pending", event.getString("status"));
      assertEquals(0, event.getInteger("attempt_count"));
      assertEquals("test.ping", event.getJsonObject("payload").getString("event"));
      assertEquals(eventId, event.getJsonObject("payload").getString("event_id"));
      assertEquals(new JsonArray(), event.getJsonArray("attempts"));
    }
    assertEquals(400, call(HttpMethod.GET, "/v1/webhooks/" + id + "/deliveries?limit=0", owner, null).statusCode());
    call(HttpMethod.DELETE, "/v1/webhooks/" + id, owner, null);
  }

  @Test
  void another_keys_webhook_is_not_found_by_any_route() {
    String id = create(owner, new JsonObject().put("url", "http://127.0.0.1:9/d")).getString("id");
    String path = "/v1/webhooks/" + id;
    assertEquals(404, call(HttpMethod.GET, path, stranger, null).statusCode());
    assertEquals("Webhook not found", call(HttpMethod.GET, path, stranger, null).bodyAsJsonObject().getString("error"));
    assertEquals(404, call(HttpMethod.PATCH, path, stranger, new JsonObject().put("min_risk_level", "low")).statusCode());
    assertEquals(404, call(HttpMethod.POST, path + "/test", stranger, null).statusCode());
    assertEquals(404, call(HttpMethod.GET, path + "/deliveries", stranger, null).statusCode());
    assertEquals(404, call(HttpMethod.POST, path + "/regenerate-secret", stranger, null).statusCode());
    assertEquals(404, call(HttpMethod.DELETE, path, stranger, null).statusCode());
    assertEquals(new JsonArray(), call(HttpMethod.GET, "/v1/webhooks", stranger, null).bodyAsJsonObject().getJsonArray("webhooks"));
    assertEquals("high", call(HttpMethod.GET, path, owner, null).bodyAsJsonObject().getString("min_risk_level"), "untouched");
    assertEquals(401, call(HttpMethod.GET, "/v1/webhooks", null, null).statusCode());
    call(HttpMethod.DELETE, path, owner, null);
  }

  @Test
  void invalid_input_is_a_400_that_names_the_field() {
    assertTrue(badRequest(HttpMethod.POST, "/v1/webhooks", new JsonObject()).contains("url is required"));
    assertTrue(badRequest(HttpMethod.POST, "/v1/webhooks", new JsonObject().put("url", 42)).contains("url"));
    assertTrue(badRequest(HttpMethod.POST, "/v1/webhooks", new JsonObject().put("url", "http://127.0.0.1:9/x")
        .put("min_risk_level", "extreme")).contains("min_risk_level must be one of low, moderate, high, critical"));
    assertTrue(badRequest(HttpMethod.POST, "/v1/webhooks", new JsonObject().put("url", "http://127.0.0.1:9/x")
        .put("include_conversation", "yes")).contains("include_conversation must be true or false"));
    assertTrue(badRequest(HttpMethod.POST, "/v1/webhooks", new JsonObject().put("url", "http://127.0.0.1:9/x")
        .put("events", new JsonArray())).contains("Unknown field \"events\""));
    assertTrue(badRequest(HttpMethod.POST, "/v1/webhooks", new JsonObject().put("url", "not a url")).contains("url"));
    String id = create(owner, new JsonObject().put("url", "http://127.0.0.1:9/e")).getString("id");
    assertTrue(badRequest(HttpMethod.PATCH, "/v1/webhooks/" + id, new JsonObject().put("enabled", "no")).contains("enabled"));
    assertTrue(badRequest(HttpMethod.PATCH, "/v1/webhooks/" + id, new JsonObject().put("url", "http://hooks.example.com/x"))
        .contains("https"));
    call(HttpMethod.DELETE, "/v1/webhooks/" + id, owner, null);
  }

  @Test
  void a_key_may_register_a_bounded_number_of_webhooks_and_may_rotate_a_secret() {
    String key = gateway.createKey("many");
    String first = create(key, new JsonObject().put("url", "http://127.0.0.1:9/1")).getString("id");
    create(key, new JsonObject().put("url", "http://127.0.0.1:9/2"));
    create(key, new JsonObject().put("url", "http://127.0.0.1:9/3"));
    HttpResponse<Buffer> fourth = call(HttpMethod.POST, "/v1/webhooks", key, new JsonObject().put("url", "http://127.0.0.1:9/4"));
    assertEquals(400, fourth.statusCode());
    assertTrue(fourth.bodyAsJsonObject().getString("error").contains("already has 3 webhooks"), fourth::bodyAsString);

    HttpResponse<Buffer> rotated = call(HttpMethod.POST, "/v1/webhooks/" + first + "/regenerate-secret", key, null);
    assertEquals(200, rotated.statusCode());
    assertTrue(rotated.bodyAsJsonObject().getString("secret").startsWith("whsec_"));
    assertNull(call(HttpMethod.GET, "/v1/webhooks/" + first, key, null).bodyAsJsonObject().getString("secret"));
  }
}
