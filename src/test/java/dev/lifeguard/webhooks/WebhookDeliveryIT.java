package dev.lifeguard.webhooks;

import static dev.lifeguard.webhooks.Receiver.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lifeguard.testing.Sql;
import dev.lifeguard.testing.TestDatabase;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delivery from the outbox to a real receiver on localhost: signed as documented, retried on a
 * (shortened) schedule, permanent on 4xx, durable across a restart, and sent once by one of two
 * instances sharing a database.
 */
@ExtendWith(VertxExtension.class)
class WebhookDeliveryIT {
  static final String CRISIS = "i have all my pills in my hand and i am going to take them tonight, i've written my goodbye letters";
  static final String FAST = "webhooks:\n  allow_private_addresses: true\n  poll_interval_millis: 50\n"
      + "  retry_schedule_millis: [300, 300, 300]\n  timeout_millis: 2000\n  lease_millis: 7000\n";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static Receiver receiver;
  private static TestGateway gateway;
  /** A key per test: a risk event goes to every webhook of its key, so tests must not share one. */
  private String key;

  @BeforeAll
  static void start(Vertx vertx) {
    receiver = new Receiver();
    gateway = TestGateway.startWithYaml(vertx, FAST);
  }

  @BeforeEach
  void newKey(TestInfo test) {
    key = gateway.createKey(test.getDisplayName());
  }

  @AfterAll
  static void stop() {
    gateway.close();
    receiver.close();
  }

  private static JsonObject register(TestGateway on, String apiKey, JsonObject body) {
    HttpResponse<Buffer> r = on.postJson("/v1/webhooks", apiKey, body.encode());
    assertEquals(201, r.statusCode(), r::bodyAsString);
    return r.bodyAsJsonObject();
  }

  private JsonObject log(String webhookId) {
    return gateway.get("/v1/webhooks/" + webhookId + "/deliveries", key).bodyAsJsonObject().getJsonArray("events").getJsonObject(0);
  }

  private static String evaluateCrisis(TestGateway on, String apiKey) {
    JsonObject body = new JsonObject()
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", CRISIS)))
        .put("config", new JsonObject().put("user_country", "US").put("conversation_id", "conv-9").put("end_user_id", "user-3"));
    HttpResponse<Buffer> r = on.postJson("/v1/evaluate", apiKey, body.encode());
    assertEquals(200, r.statusCode(), r::bodyAsString);
    return r.bodyAsJsonObject().getJsonObject("global").getString("overall_severity");
  }

  @Test
  void a_risky_evaluation_reaches_the_receiver_signed_with_the_documented_algorithm() throws Exception {
    receiver.answer("/signed", 200, 0);
    JsonObject webhook = register(gateway, key, new JsonObject().put("url", receiver.url("/signed"))
        .put("min_risk_level", "moderate").put("include_conversation", true));
    String severity = evaluateCrisis(gateway, key);

    eventually(WAIT, "the risk event is delivered", () -> !receiver.received("/signed").isEmpty());
    ServeEvent delivery = receiver.received("/signed").get(0);
    assertTrue(Receiver.verified(delivery, webhook.getString("secret")), "signature checks out with the webhook's secret");
    assertFalse(Receiver.verified(delivery, "whsec_wrong"));

    JsonObject body = Receiver.body(delivery);
    String event = body.getString("event");
    assertEquals(severity.equals("critical") ? "risk.critical" : "risk.elevated", event);
    assertEquals(event, delivery.getRequest().getHeader("X-NOPE-Event"));
    assertEquals(body.getString("event_id"), delivery.getRequest().getHeader("X-NOPE-Delivery-ID"));
    assertEquals(webhook.getString("id"), delivery.getRequest().getHeader("X-NOPE-Webhook-ID"));
    assertEquals("NOPE-Webhooks/1.0", delivery.getRequest().getHeader("User-Agent"));
    assertTrue(delivery.getRequest().getHeader("Content-Type").startsWith("application/json"));
    assertEquals(List.of("event", "event_id"), body.fieldNames().stream().limit(2).toList(), "envelope first");
    assertNotNull(body.getString("timestamp"));
    assertEquals("v1", body.getString("api_version"));
    assertEquals("conv-9", body.getString("conversation_id"));
    assertEquals("user-3", body.getString("user_id"));
    JsonObject summary = body.getJsonObject("risk_summary");
    assertEquals(severity, summary.getString("overall_severity"));
    for (String field : List.of("overall_imminence", "primary_domain", "confidence", "primary_concerns")) {
      assertTrue(summary.containsKey(field), field);
    }
    assertFalse(body.getJsonArray("domains").isEmpty());
    assertTrue(body.getJsonObject("flags").containsKey("third_party_threat"));
    assertFalse(body.getJsonArray("resources_provided").isEmpty());
    assertEquals(CRISIS, body.getJsonObject("conversation").getString("latest_user_message"), "the webhook asked for it");

    eventually(WAIT, "the log shows it sent", () -> log(webhook.getString("id")).getString("status").equals("sent"));
    JsonObject logged = log(webhook.getString("id"));
    assertEquals(1, logged.getInteger("attempt_count"));
    assertEquals(200, logged.getJsonArray("attempts").getJsonObject(0).getInteger("http_status"));
  }

  @Test
  void a_test_ping_is_delivered_signed() throws Exception {
    receiver.answer("/ping", 204, 0);
    JsonObject webhook = register(gateway, key, new JsonObject().put("url", receiver.url("/ping")));
    String eventId = gateway.postJson("/v1/webhooks/" + webhook.getString("id") + "/test", key, null)
        .bodyAsJsonObject().getString("event_id");

    eventually(WAIT, "the ping arrives", () -> !receiver.received("/ping").isEmpty());
    ServeEvent ping = receiver.received("/ping").get(0);
    assertTrue(Receiver.verified(ping, webhook.getString("secret")));
    assertEquals("test.ping", ping.getRequest().getHeader("X-NOPE-Event"));
    assertEquals(eventId, Receiver.body(ping).getString("event_id"));
    assertEquals("test.ping", Receiver.body(ping).getString("event"));
    assertNotNull(Receiver.body(ping).getString("message"));
  }

  @Test
  void a_receiver_that_fails_twice_gets_the_event_on_the_third_attempt() throws Exception {
    String path = "/flaky";
    receiver.server.stubFor(WireMock.post(path).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(WireMock.aResponse().withStatus(500)).willSetStateTo("failed once"));
    receiver.server.stubFor(WireMock.post(path).inScenario("flaky").whenScenarioStateIs("failed once")
        .willReturn(WireMock.aResponse().withStatus(503)).willSetStateTo("failed twice"));
    receiver.server.stubFor(WireMock.post(path).inScenario("flaky").whenScenarioStateIs("failed twice")
        .willReturn(WireMock.aResponse().withStatus(200)));
    JsonObject webhook = register(gateway, key, new JsonObject().put("url", receiver.url(path)));
    gateway.postJson("/v1/webhooks/" + webhook.getString("id") + "/test", key, null);

    eventually(WAIT, "delivered on the third attempt", () -> log(webhook.getString("id")).getString("status").equals("sent"));
    List<ServeEvent> attempts = receiver.received(path);
    assertEquals(3, attempts.size());
    assertEquals(1, attempts.stream().map(e -> e.getRequest().getHeader("X-NOPE-Delivery-ID")).distinct().count(),
        "one delivery, attempted three times");
    for (int i = 1; i < attempts.size(); i++) {
      long gap = attempts.get(i).getRequest().getLoggedDate().getTime() - attempts.get(i - 1).getRequest().getLoggedDate().getTime();
      assertTrue(gap >= 250, "retries wait for the schedule: " + gap + " ms");
    }
    JsonObject logged = log(webhook.getString("id"));
    assertEquals(3, logged.getInteger("attempt_count"));
    JsonArray tried = logged.getJsonArray("attempts");
    assertEquals(List.of(500, 503, 200), tried.stream().map(a -> ((JsonObject) a).getInteger("http_status")).toList());
    assertEquals(List.of("retry", "retry", "delivered"), tried.stream().map(a -> ((JsonObject) a).getString("outcome")).toList());
  }

  @Test
  void a_4xx_answer_is_permanent_and_a_5xx_exhausts_the_schedule() throws Exception {
    receiver.answer("/gone", 410, 0).answer("/down", 500, 0);
    JsonObject gone = register(gateway, key, new JsonObject().put("url", receiver.url("/gone")));
    JsonObject down = register(gateway, key, new JsonObject().put("url", receiver.url("/down")));
    gateway.postJson("/v1/webhooks/" + gone.getString("id") + "/test", key, null);
    gateway.postJson("/v1/webhooks/" + down.getString("id") + "/test", key, null);

    eventually(WAIT, "the 5xx delivery gives up", () -> log(down.getString("id")).getString("status").equals("failed"));
    assertEquals(4, receiver.received("/down").size(), "immediately, then three retries");
    assertEquals(500, log(down.getString("id")).getInteger("http_status"));
    JsonObject failed = log(gone.getString("id"));
    assertEquals("failed", failed.getString("status"));
    assertEquals(410, failed.getInteger("http_status"));
    assertEquals("HTTP 410", failed.getString("error_message"));
    assertEquals(1, receiver.received("/gone").size(), "a 4xx is not retried");
  }

  @Test
  void an_event_recorded_while_no_instance_delivers_arrives_after_a_restart(Vertx vertx) throws Exception {
    receiver.answer("/restart", 200, 0);
    URI db = TestDatabase.fresh();
    String apiKey;
    String secret;
    TestGateway first = TestGateway.startOn(vertx, db, FAST + "  deliver: false\n");
    try {
      apiKey = first.createKey("restart");
      secret = register(first, apiKey, new JsonObject().put("url", receiver.url("/restart"))).getString("secret");
      evaluateCrisis(first, apiKey);
      assertEquals(1, Sql.count(db, "SELECT count(*) FROM webhook_events WHERE delivered_at IS NULL"), "recorded, not yet sent");
    } finally {
      first.close();
    }
    assertTrue(receiver.received("/restart").isEmpty());

    TestGateway second = TestGateway.startOn(vertx, db, FAST);
    try {
      eventually(WAIT, "the event arrives after the restart", () -> !receiver.received("/restart").isEmpty());
      assertTrue(Receiver.verified(receiver.received("/restart").get(0), secret));
      eventually(WAIT, "and is marked delivered", () -> {
        try {
          return Sql.count(db, "SELECT count(*) FROM webhook_events WHERE delivered_at IS NOT NULL") == 1;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    } finally {
      second.close();
    }
    assertEquals(1, receiver.received("/restart").size());
  }

  @Test
  void two_instances_on_one_database_deliver_each_event_exactly_once(Vertx vertx) throws Exception {
    receiver.answer("/shared", 200, 100); // slow enough that both instances have deliveries in flight
    URI db = TestDatabase.fresh();
    String small = FAST + "  batch_size: 3\n  max_concurrent: 4\n";
    TestGateway one = TestGateway.startOn(vertx, db, small);
    TestGateway two = TestGateway.startOn(vertx, db, small);
    int events = 40;
    try {
      String apiKey = one.createKey("shared");
      String id = register(one, apiKey, new JsonObject().put("url", receiver.url("/shared"))).getString("id");
      for (int i = 0; i < events; i++) {
        TestGateway via = i % 2 == 0 ? one : two;
        assertEquals(202, via.send(HttpMethod.POST, "/v1/webhooks/" + id + "/test", apiKey, null).statusCode());
      }
      eventually(WAIT, "every event is delivered", () -> {
        try {
          return Sql.count(db, "SELECT count(*) FROM webhook_events WHERE delivered_at IS NOT NULL") == events;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(500); // a duplicate, if there were one, would have time to arrive
      List<ServeEvent> received = receiver.received("/shared");
      Set<String> ids = new HashSet<>();
      received.forEach(e -> ids.add(e.getRequest().getHeader("X-NOPE-Delivery-ID")));
      assertEquals(events, ids.size());
      assertEquals(events, received.size(), "no event was sent twice");
      assertEquals(events, Sql.count(db, "SELECT count(*) FROM webhook_attempts"));
    } finally {
      one.close();
      two.close();
    }
  }

  @Test
  void a_delivery_claimed_by_an_instance_that_died_is_retried_when_its_lease_ends() throws Exception {
    receiver.answer("/orphan", 200, 0);
    String id = register(gateway, key, new JsonObject().put("url", receiver.url("/orphan"))).getString("id");
    // What a crash leaves behind: attempt 1 claimed, its lease running out shortly, its outcome never written.
    Sql.execute(gateway.databaseUrl(), "INSERT INTO webhook_events (id, webhook_id, event, payload, attempts, claim_token, "
        + "next_attempt_at) VALUES ('evt_orphan', '" + id + "', 'test.ping', '{\"message\": \"orphan\"}', 1, 'dead-instance', "
        + "now() + interval '500 milliseconds')");

    eventually(WAIT, "the orphaned delivery is sent", () -> !receiver.received("/orphan").isEmpty());
    assertEquals("evt_orphan", receiver.received("/orphan").get(0).getRequest().getHeader("X-NOPE-Delivery-ID"));
    eventually(WAIT, "and recorded as the second attempt", () -> log(id).getString("status").equals("sent"));
    assertEquals(2, log(id).getInteger("attempt_count"));
    assertEquals(1, receiver.received("/orphan").size());
  }
}
