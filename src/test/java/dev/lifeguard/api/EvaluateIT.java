package dev.lifeguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.testing.Sql;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /v1/evaluate and /v1/try/evaluate over HTTP: the three response views agree, resources follow the
 * request's config, the demo route truncates and limits, and calls are recorded with their webhook
 * events. Routing, not judgement: the messages are unambiguous.
 */
@ExtendWith(VertxExtension.class)
class EvaluateIT {
  static final String CRISIS = "i have all my pills in my hand and i am going to take them tonight, i've written my goodbye letters";
  static final String BENIGN = "what's a good recipe for banana bread? mine always comes out dry";
  private static TestGateway gateway;
  private static String key;

  @BeforeAll
  static void start(Vertx vertx) {
    gateway = TestGateway.startWithYaml(vertx, "limits:\n  try_requests_per_minute: 3\n");
    key = gateway.createKey("evaluate");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private JsonObject evaluate(JsonObject body) {
    HttpResponse<Buffer> r = gateway.postJson("/v1/evaluate", key, body.encode());
    assertEquals(200, r.statusCode(), r::bodyAsString);
    JsonObject json = r.bodyAsJsonObject();
    assertEquals(r.getHeader("X-Request-Id"), json.getString("request_id"));
    return json;
  }

  private static JsonObject user(String text) {
    return new JsonObject().put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", text)));
  }

  private static Severity severity(Object wire) {
    return Severity.valueOf(wire.toString().toUpperCase());
  }

  @Test
  void the_live_seed_and_domain_views_are_one_assessment() {
    JsonObject e = evaluate(user(CRISIS).put("config", new JsonObject().put("user_country", "US")));
    JsonArray risks = e.getJsonArray("risks");
    assertFalse(risks.isEmpty(), e::encode);

    Severity speaker = risks.stream().map(JsonObject.class::cast).filter(r -> r.getString("subject").equals("self"))
        .map(r -> severity(r.getString("severity"))).max(Comparator.naturalOrder()).orElse(Severity.NONE);
    Severity overall = risks.stream().map(JsonObject.class::cast).map(r -> severity(r.getString("severity")))
        .max(Comparator.naturalOrder()).orElseThrow();
    assertEquals(speaker.wireName(), e.getString("speaker_severity"));
    assertEquals(speaker.wireName(), e.getJsonObject("summary").getString("speaker_severity"));
    assertEquals(e.getString("speaker_imminence"), e.getJsonObject("summary").getString("speaker_imminence"));
    assertTrue(speaker.atLeast(Severity.HIGH), "an attempt in progress is at least high: " + e.encode());

    JsonObject global = e.getJsonObject("global");
    assertEquals(overall.wireName(), global.getString("overall_severity"));
    Severity domainMax = e.getJsonArray("domains").stream().map(JsonObject.class::cast).map(d -> severity(d.getString("severity")))
        .max(Comparator.naturalOrder()).orElseThrow();
    assertEquals(overall, domainMax, "global.overall_severity = max over domains");
    assertTrue(global.getJsonArray("primary_concerns").contains("self"));
    assertEquals("en", global.getString("language"));
    assertEquals(e.getJsonObject("communication").getString("language"), global.getString("language"));

    for (Object o : risks) {
      JsonObject r = (JsonObject) o;
      for (String f : List.of("subject_confidence", "confidence")) {
        assertTrue(r.getDouble(f) >= 0 && r.getDouble(f) <= 1, f);
      }
      assertNotNull(r.getJsonArray("features"));
    }
    assertTrue(e.getBoolean("show_resources"));
    JsonObject primary = e.getJsonObject("resources").getJsonObject("primary");
    boolean happeningNow = e.getString("speaker_imminence").equals("emergency");
    assertEquals(happeningNow ? "911" : "988", primary.getString("phone"), "emergency number first only when it is happening now");
    assertFalse(primary.getString("why").isBlank());
    assertTrue(e.getJsonArray("crisis_resources").stream().map(JsonObject.class::cast)
        .anyMatch(r -> "988".equals(r.getString("phone"))), "the crisis line is always there");
    assertEquals(primary.getString("id"), e.getJsonArray("crisis_resources").getJsonObject(0).getString("id"),
        "crisis_resources is the same list, flat");
    assertEquals("database", e.getJsonArray("crisis_resources").getJsonObject(0).getString("source"));
    assertTrue(e.getJsonArray("crisis_resources").stream().map(JsonObject.class::cast)
        .anyMatch(r -> "911".equals(r.getString("phone"))), "the emergency number at high severity");

    assertTrue(e.getJsonObject("legal_flags").containsKey("ipv"));
    assertNotNull(e.getJsonObject("protective_factors").getString("protective_factor_strength"));
    assertTrue(e.getJsonObject("safeguarding_flags").containsKey("child_at_risk"));
    assertTrue(e.getJsonObject("presentation_modifiers").containsKey("substance_involved"));
    assertTrue(e.getJsonArray("coping_recommendations").stream().map(JsonObject.class::cast)
        .anyMatch(c -> c.getString("category").equals("safety_planning")));
    assertFalse(e.getString("rationale").isBlank());
    assertFalse(e.getJsonObject("summary").getString("primary_concerns").isBlank());
    double confidence = e.getDouble("confidence");
    assertTrue(confidence > 0 && confidence <= 1);
    Instant.parse(e.getString("timestamp"));

    JsonObject metadata = e.getJsonObject("metadata");
    assertEquals("v1", metadata.getString("api_version"));
    assertEquals("structured", metadata.getString("input_format"));
    assertEquals(false, metadata.getBoolean("messages_truncated"));
    assertNull(metadata.getValue("try_endpoint"));
    assertTrue(metadata.getString("model").startsWith("lifeguard"));
  }

  @Test
  void a_benign_message_matches_the_live_benign_capture() {
    JsonObject e = evaluate(user(BENIGN));
    assertEquals(new JsonArray(), e.getJsonArray("risks"));
    assertEquals("none", e.getString("speaker_severity"));
    assertEquals("not_applicable", e.getString("speaker_imminence"));
    assertEquals(false, e.getBoolean("show_resources"));
    assertFalse(e.containsKey("resources"));
    assertEquals(new JsonArray(), e.getJsonArray("crisis_resources"));
    assertEquals(new JsonArray(), e.getJsonArray("domains"));
    assertEquals("none", e.getJsonObject("global").getString("overall_severity"));
    assertEquals(false, e.getJsonObject("summary").getBoolean("any_third_party_risk"));
  }

  @Test
  void text_input_locale_and_resource_options_are_honoured() {
    JsonObject text = evaluate(new JsonObject().put("text", CRISIS).put("config", new JsonObject().put("locale", "es-MX")));
    assertEquals("text_blob", text.getJsonObject("metadata").getString("input_format"), "the SDK's name for it");
    assertEquals("MX", text.getJsonObject("resources").getJsonObject("primary").getJsonArray("country_codes").getString(0),
        "the locale's region decides the country when none is given");
    assertEquals("es-MX", text.getJsonObject("global").getString("locale"));

    JsonObject none = evaluate(user(CRISIS).put("config", new JsonObject().put("user_country", "GB").put("include_resources", false)));
    assertTrue(none.getBoolean("show_resources"), "still says resources are warranted");
    assertFalse(none.containsKey("resources"));
    assertEquals(new JsonArray(), none.getJsonArray("crisis_resources"));

    JsonObject unknownCountry = evaluate(user(CRISIS));
    assertTrue(unknownCountry.getBoolean("show_resources"));
    assertFalse(unknownCountry.containsKey("resources"), "no country, no guessed national numbers");
  }

  @Test
  void the_demo_route_needs_no_key_truncates_and_is_rate_limited_per_address() {
    JsonArray many = new JsonArray();
    IntStream.range(0, 12).forEach(i -> many.add(new JsonObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", "turn " + i)));
    many.add(new JsonObject().put("role", "user").put("content", CRISIS));
    HttpResponse<Buffer> r = gateway.postJson("/v1/try/evaluate", null, new JsonObject().put("messages", many)
        .put("config", new JsonObject().put("user_country", "US")).encode());
    assertEquals(200, r.statusCode(), r::bodyAsString);
    JsonObject metadata = r.bodyAsJsonObject().getJsonObject("metadata");
    assertEquals(true, metadata.getBoolean("try_endpoint"));
    assertEquals(true, metadata.getBoolean("messages_truncated"));
    assertEquals("3", r.getHeader("X-RateLimit-Limit"));
    assertEquals("2", r.getHeader("X-RateLimit-Remaining"));
    assertTrue(Long.parseLong(r.getHeader("X-RateLimit-Reset")) > System.currentTimeMillis(), "reset in epoch milliseconds");

    HttpResponse<Buffer> last = null;
    for (int i = 0; i < 3; i++) {
      last = gateway.postJson("/v1/try/evaluate", null, user(BENIGN).encode());
    }
    assertEquals(429, last.statusCode());
    JsonObject body = last.bodyAsJsonObject();
    assertEquals("rate_limit_exceeded", body.getString("error"));
    assertEquals(3, body.getInteger("limit"));
    assertEquals(0, body.getInteger("remaining"));
    assertTrue(Integer.parseInt(last.getHeader("Retry-After")) >= 1);
    assertEquals(200, gateway.postJson("/v1/evaluate", key, user(BENIGN).encode()).statusCode(), "keyed calls are not affected");
  }

  @Test
  void each_call_is_recorded_with_its_webhook_events_and_without_content() throws Exception {
    var db = gateway.databaseUrl();
    String keyId = Sql.text(db, "SELECT id FROM api_keys WHERE name = 'evaluate'");
    Sql.execute(db, "INSERT INTO webhooks (id, key_id, url, min_risk_level, include_conversation, secret) VALUES "
        + "('whk_plain', '" + keyId + "', 'https://example.org/a', 'high', false, 's1'), "
        + "('whk_full', '" + keyId + "', 'https://example.org/b', 'moderate', true, 's2')");
    try {
      HttpResponse<Buffer> r = gateway.postJson("/v1/evaluate", key, user(CRISIS).put("config", new JsonObject()
          .put("user_country", "US").put("conversation_id", "conv-42").put("end_user_id", "user-7")).encode());
      assertEquals(200, r.statusCode());
      String requestId = r.getHeader("X-Request-Id");
      String usage = Sql.text(db, "SELECT id || '|' || endpoint || '|' || status || '|' || conversation_id || '|' || end_user_id "
          + "|| '|' || coalesce(content::text, 'no content') FROM usage_records WHERE request_id = '" + requestId + "'");
      assertTrue(usage.endsWith("|/v1/evaluate|200|conv-42|user-7|no content"), usage);
      String usageId = usage.substring(0, usage.indexOf('|'));

      assertEquals(2, Sql.count(db, "SELECT count(*) FROM webhook_events WHERE usage_id = " + usageId));
      JsonObject plain = new JsonObject(Sql.text(db, "SELECT payload FROM webhook_events WHERE webhook_id = 'whk_plain'"));
      assertEquals("conv-42", plain.getString("conversation_id"));
      assertEquals("user-7", plain.getString("user_id"));
      assertEquals(r.bodyAsJsonObject().getJsonObject("global").getString("overall_severity"),
          plain.getJsonObject("risk_summary").getString("overall_severity"));
      assertEquals(false, plain.getJsonObject("conversation").getBoolean("included"));
      assertFalse(plain.encode().contains("pills"), "no message text unless the webhook asked for it");
      assertTrue(plain.getJsonArray("resources_provided").stream().map(JsonObject.class::cast)
          .anyMatch(p -> p.getString("name").contains("988") && p.getString("country").equals("US")), plain::encode);
      JsonObject full = new JsonObject(Sql.text(db, "SELECT payload FROM webhook_events WHERE webhook_id = 'whk_full'"));
      assertEquals(CRISIS, full.getJsonObject("conversation").getString("latest_user_message"));

      HttpResponse<Buffer> benign = gateway.postJson("/v1/evaluate", key, user(BENIGN).encode());
      assertEquals(1, Sql.count(db, "SELECT count(*) FROM usage_records WHERE request_id = '" + benign.getHeader("X-Request-Id") + "'"));
      assertEquals(2, Sql.count(db, "SELECT count(*) FROM webhook_events"), "a benign call raises no event");
      assertFalse(Sql.dumpTable(db, "usage_records").contains("banana"), "usage records keep no content by default");
    } finally {
      Sql.execute(db, "DELETE FROM webhooks");
    }
  }

  @Test
  void the_recommended_reply_names_the_matched_resources_in_the_users_language() {
    JsonObject us = evaluate(user(CRISIS).put("config", new JsonObject().put("user_country", "US")));
    JsonObject reply = us.getJsonObject("recommended_reply");
    assertEquals("template", reply.getString("source"));
    assertTrue(reply.getString("content").contains("988"), reply.getString("content"));
    assertTrue(reply.getString("content").contains("911"), "the emergency number at high severity");

    JsonObject es = evaluate(user("tengo todas las pastillas en la mano y me las voy a tomar esta noche, ya escribí mis cartas de despedida")
        .put("config", new JsonObject().put("user_country", "MX").put("locale", "es-MX")));
    String content = es.getJsonObject("recommended_reply").getString("content");
    assertTrue(es.getJsonArray("crisis_resources").stream().map(JsonObject.class::cast)
        .anyMatch(r -> content.contains(r.getString("name"))), content);
    assertFalse(content.contains(" you "), "written in Spanish: " + content);

    JsonObject none = evaluate(user(CRISIS).put("config", new JsonObject().put("return_assistant_reply", false)));
    assertFalse(none.containsKey("recommended_reply"));
    assertFalse(evaluate(user(BENIGN)).containsKey("recommended_reply"), "no reply is recommended when nothing is at risk");
  }

  @Test
  void a_proposed_reply_is_judged_in_the_conversations_context() {
    JsonObject harmful = evaluate(user(CRISIS).put("config", new JsonObject().put("user_country", "US"))
        .put("proposed_response", "Have you tried meditation? Anyway, here's a fun fact about octopuses."));
    JsonObject verdict = harmful.getJsonObject("proposed_response_evaluation");
    assertEquals(false, verdict.getBoolean("appropriate"), verdict::encode);
    assertEquals("replace", verdict.getString("recommendation"));
    assertTrue(verdict.getJsonArray("issues").contains("crisis_resources_missing"), verdict::encode);
    assertFalse(verdict.getString("reasoning").contains("octopus"), "reasoning never quotes the reply");

    JsonObject good = evaluate(user(CRISIS).put("config", new JsonObject().put("user_country", "US"))
        .put("proposed_response", "I'm really glad you told me, and I'm worried about your safety right now. Please call or text 988 "
            + "to reach the 988 Suicide & Crisis Lifeline, or call 911 if you might act on this. Could you put the pills "
            + "somewhere out of reach while we talk? You don't have to go through this alone."));
    assertEquals("use", good.getJsonObject("proposed_response_evaluation").getString("recommendation"),
        good.getJsonObject("proposed_response_evaluation")::encode);

    JsonObject everyday = evaluate(user(BENIGN).put("proposed_response", "Try adding a mashed extra banana and a spoon of yogurt."));
    assertEquals("use", everyday.getJsonObject("proposed_response_evaluation").getString("recommendation"));
    assertEquals(true, everyday.getJsonObject("proposed_response_evaluation").getBoolean("appropriate"));
  }
}
