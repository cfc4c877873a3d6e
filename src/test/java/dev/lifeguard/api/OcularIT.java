package dev.lifeguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.Sql;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /v1/ocular and /v1/try/ocular over HTTP: both response shapes from one reading, validation errors
 * naming the field, effort and stability, trajectory stride and cap, the demo route, and identity
 * fields stored with the usage record but never read by the classifier. Routing, not judgement
 * (that is OcularJudgementTest): the messages are unambiguous.
 */
@ExtendWith(VertxExtension.class)
class OcularIT {
  static final String CRISIS = "i have all my pills in my hand and i am going to take them tonight, i've written my goodbye letters";
  static final String BENIGN = "what's a good recipe for banana bread? mine always comes out dry";
  static final List<String> USER_AXES = List.of("suicide", "self_harm", "harm_to_others", "abuse", "sexual_violence",
      "exploitation", "stalking", "self_neglect");
  static final List<String> AI_AXES = List.of("harm_provision", "emotional_failure", "manipulation", "safeguarding_failure");
  private static TestGateway gateway;
  private static String key;

  @BeforeAll
  static void start(Vertx vertx) {
    gateway = TestGateway.startWithYaml(vertx, "limits:\n  try_requests_per_minute: 3\n  max_messages: 300\n");
    key = gateway.createKey("ocular");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private HttpResponse<Buffer> post(JsonObject body) {
    return gateway.postJson("/v1/ocular", key, body.encode());
  }

  private JsonObject ocular(JsonObject body) {
    HttpResponse<Buffer> r = post(body);
    assertEquals(200, r.statusCode(), r::bodyAsString);
    JsonObject json = r.bodyAsJsonObject();
    assertEquals(r.getHeader("X-Request-Id"), json.getString("request_id"));
    return json;
  }

  private static JsonObject user(String text) {
    return new JsonObject().put("messages", new JsonArray().add(message("user", text)));
  }

  private static JsonObject message(String role, String text) {
    return new JsonObject().put("role", role).put("content", text);
  }

  private static JsonArray chat(int messages) {
    JsonArray out = new JsonArray();
    IntStream.range(0, messages).forEach(i -> out.add(message(i % 2 == 0 ? "user" : "assistant",
        i % 2 == 0 ? "turn " + i + ": work was long and i went for a walk" : "That sounds like a full day.")));
    return out;
  }

  @Test
  void both_shapes_come_from_one_reading_and_cover_the_live_fixtures_fields() throws Exception {
    JsonObject o = ocular(user(CRISIS).put("messages", new JsonArray().add(message("user", CRISIS))
        .add(message("assistant", "I'm really worried about you. Please call 988 now."))));
    JsonObject live;
    try (InputStream in = OcularIT.class.getResourceAsStream("/nope-wire/ocular.auth.json")) {
      live = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    for (String field : live.fieldNames()) {
      assertTrue(o.containsKey(field), "live field " + field + " missing: " + o.encode());
    }
    for (String field : live.getJsonObject("meta").fieldNames()) {
      assertTrue(o.getJsonObject("meta").containsKey(field), "meta." + field);
    }
    for (String field : List.of("verdict", "subject", "imminence", "fiction", "authenticity", "risks", "ai_concerns", "effort",
        "stability", "trajectory", "meta")) {
      assertTrue(o.containsKey(field), "seed field " + field);
    }
    assertEquals(Set.copyOf(USER_AXES), o.getJsonObject("risks").fieldNames());
    assertEquals(Set.copyOf(AI_AXES), o.getJsonObject("ai_concerns").fieldNames());
    assertEquals(o.getJsonObject("risks"), o.getJsonObject("signals").getJsonObject("user"), "signals.user is risks");
    assertEquals(o.getJsonObject("ai_concerns"), o.getJsonObject("signals").getJsonObject("ai"), "signals.ai is ai_concerns");
    double top = 0;
    for (String axis : USER_AXES) {
      JsonObject a = o.getJsonObject("risks").getJsonObject(axis);
      assertTrue(Set.of("minimal", "low", "moderate", "high", "critical").contains(a.getString("level")), a::encode);
      assertTrue(a.getDouble("score") >= 0 && a.getDouble("score") <= 1);
      top = Math.max(top, a.getDouble("score"));
    }
    assertTrue(o.getDouble("salience") >= top, "salience is the strongest axis");
    assertEquals("danger", o.getString("verdict"));
    assertEquals("self", o.getString("subject"));
    assertTrue(Set.of("not_applicable", "chronic", "subacute", "urgent", "emergency")
        .contains(o.getJsonObject("imminence").getString("level")));
    assertEquals(1, o.getInteger("effort"));
    assertEquals("auto", o.getString("thoroughness"));
    assertNull(o.getValue("stability"));
    assertNull(o.getValue("confidence"));
    assertNull(o.getValue("trajectory"), "only with per_turn");
    JsonObject meta = o.getJsonObject("meta");
    assertTrue(meta.getString("version").startsWith("lifeguard-ocular-1/lifeguard"), meta::encode);
    assertTrue(meta.getLong("inference_ms") >= 0);
    assertEquals(false, meta.getBoolean("windowed"));
    assertEquals(1, meta.getInteger("windows"));
    Instant.parse(o.getString("timestamp"));

    JsonObject benign = ocular(user(BENIGN));
    assertEquals("clear", benign.getString("verdict"));
    JsonObject text = ocular(new JsonObject().put("text", CRISIS));
    assertEquals("text_blob", text.getJsonObject("meta").getString("input_format"));
    assertEquals("danger", text.getString("verdict"));
  }

  @Test
  void bad_values_are_rejected_naming_the_field() {
    record Case(JsonObject body, String field) {}
    for (Case c : List.of(
        new Case(new JsonObject(), "messages"),
        new Case(user(BENIGN).put("effort", 4), "effort"),
        new Case(user(BENIGN).put("effort", "2"), "effort"),
        new Case(user(BENIGN).put("thoroughness", "max"), "thoroughness"),
        new Case(user(BENIGN).put("effort", 1).put("thoroughness", 3), "thoroughness"),
        new Case(user(BENIGN).put("per_turn", "yes"), "per_turn"),
        new Case(user(BENIGN).put("trajectory_stride", 0), "trajectory_stride"),
        new Case(user(BENIGN).put("user_id", ""), "user_id"),
        new Case(user(BENIGN).put("session_id", "x".repeat(257)), "session_id"),
        new Case(user(BENIGN).put("agent_id", 7), "agent_id"),
        new Case(new JsonObject().put("messages", new JsonArray().add(message("system", "hi"))), "role"))) {
      HttpResponse<Buffer> r = post(c.body());
      assertEquals(400, r.statusCode(), c.body()::encode);
      Object error = r.bodyAsJsonObject().getValue("error");
      assertTrue(error instanceof String, "NOPE error shape: a string, " + r.bodyAsString());
      assertTrue(r.bodyAsString().contains(c.field()), c.field() + ": " + r.bodyAsString());
    }
    assertEquals(401, gateway.postJson("/v1/ocular", null, user(BENIGN).encode()).statusCode(), "a key is required");
  }

  @Test
  void effort_two_and_three_measure_stability_per_axis() {
    JsonObject one = ocular(user(CRISIS).put("effort", 1));
    JsonObject two = ocular(user(CRISIS).put("effort", 2));
    JsonObject three = ocular(user(CRISIS).put("thoroughness", 3));
    assertNull(one.getValue("stability"));
    assertEquals(1, one.getJsonObject("meta").getInteger("passes"));
    for (JsonObject o : List.of(two, three)) {
      JsonObject stability = o.getJsonObject("stability");
      assertNotNull(stability, o::encode);
      for (String axis : USER_AXES) {
        double s = stability.getDouble(axis);
        assertTrue(s >= 0 && s <= 1, axis + " " + s);
      }
      AI_AXES.forEach(a -> assertTrue(stability.containsKey(a)));
      double confidence = o.getDouble("confidence");
      assertTrue(confidence >= 0 && confidence <= 1);
      assertEquals(one.getJsonObject("risks"), o.getJsonObject("risks"), "perturbations measure, they do not change the reading");
    }
    assertEquals(2, two.getInteger("effort"));
    assertEquals(5, two.getJsonObject("meta").getInteger("passes"));
    assertEquals(3, three.getInteger("effort"));
    assertEquals(3, three.getInteger("thoroughness"));
    assertEquals(11, three.getJsonObject("meta").getInteger("passes"));
  }

  @Test
  void per_turn_gives_a_trajectory_thinned_by_stride_and_capped_at_two_hundred() {
    JsonArray messages = chat(9);
    messages.add(message("user", CRISIS));
    JsonObject o = ocular(new JsonObject().put("messages", messages).put("per_turn", true));
    JsonArray t = o.getJsonArray("trajectory");
    assertEquals(10, t.size());
    for (int i = 0; i < t.size(); i++) {
      JsonObject p = t.getJsonObject(i);
      assertEquals(i, p.getInteger("turn"));
      assertEquals(i % 2 == 0 || i == 9 ? "user" : "assistant", p.getString("role"));
      assertTrue(Set.of("clear", "watch", "danger").contains(p.getString("verdict")));
    }
    assertEquals("clear", t.getJsonObject(0).getString("verdict"));
    assertEquals("danger", t.getJsonObject(9).getString("verdict"));

    JsonArray strided = ocular(new JsonObject().put("messages", messages).put("per_turn", true).put("trajectory_stride", 4))
        .getJsonArray("trajectory");
    assertEquals(List.of(0, 4, 8, 9), strided.stream().map(p -> ((JsonObject) p).getInteger("turn")).toList(),
        "every 4th turn, and always the last");

    JsonObject longChat = ocular(new JsonObject().put("messages", chat(250)).put("per_turn", true));
    JsonArray capped = longChat.getJsonArray("trajectory");
    assertEquals(200, capped.size());
    assertEquals(249, capped.getJsonObject(199).getInteger("turn"), "the latest turns are kept");
    assertEquals(50, capped.getJsonObject(0).getInteger("turn"));
    JsonObject meta = longChat.getJsonObject("meta");
    assertEquals(true, meta.getBoolean("windowed"));
    assertTrue(meta.getInteger("windows") >= 5, meta::encode);
    assertEquals(true, meta.getBoolean("trajectory_truncated"));
  }

  @Test
  void the_demo_route_needs_no_key_truncates_and_is_rate_limited() {
    JsonArray messages = chat(12);
    messages.add(message("user", CRISIS));
    HttpResponse<Buffer> r = gateway.postJson("/v1/try/ocular", null,
        new JsonObject().put("messages", messages).put("per_turn", true).encode());
    assertEquals(200, r.statusCode(), r::bodyAsString);
    JsonObject o = r.bodyAsJsonObject();
    assertEquals(true, o.getJsonObject("meta").getBoolean("try_endpoint"));
    assertEquals(true, o.getJsonObject("meta").getBoolean("messages_truncated"));
    JsonArray t = o.getJsonArray("trajectory");
    assertEquals(10, t.size(), "the last 10 messages");
    assertEquals(12, t.getJsonObject(9).getInteger("turn"), "turns keep their place in the request");
    assertEquals("3", r.getHeader("X-RateLimit-Limit"));
    assertEquals("2", r.getHeader("X-RateLimit-Remaining"));
    HttpResponse<Buffer> last = null;
    for (int i = 0; i < 3; i++) {
      last = gateway.postJson("/v1/try/ocular", null, user(BENIGN).encode());
    }
    assertEquals(429, last.statusCode());
    assertEquals("rate_limit_exceeded", last.bodyAsJsonObject().getString("error"));
    assertTrue(Integer.parseInt(last.getHeader("Retry-After")) >= 1);
  }

  @Test
  void identity_fields_are_stored_with_the_call_and_never_read_by_the_classifier() throws Exception {
    // Crisis words as ids: if they reached the classifier, the benign conversation would not stay clear.
    JsonObject body = user(BENIGN).put("user_id", "i want to kill myself tonight").put("session_id", "sess-9")
        .put("agent_id", "i have the pills ready");
    HttpResponse<Buffer> r = post(body);
    assertEquals(200, r.statusCode(), r::bodyAsString);
    JsonObject withIds = r.bodyAsJsonObject();
    JsonObject without = ocular(user(BENIGN));
    assertEquals("clear", withIds.getString("verdict"));
    assertEquals(without.getJsonObject("risks"), withIds.getJsonObject("risks"));
    assertFalse(withIds.encode().contains("sess-9"), "ids are not echoed");

    var db = gateway.databaseUrl();
    String row = Sql.text(db, "SELECT endpoint || '|' || verdict || '|' || user_id || '|' || session_id || '|' || agent_id "
        + "|| '|' || coalesce(content::text, 'no content') FROM usage_records WHERE request_id = '" + r.getHeader("X-Request-Id") + "'");
    assertEquals("/v1/ocular|clear|i want to kill myself tonight|sess-9|i have the pills ready|no content", row);
  }
}
