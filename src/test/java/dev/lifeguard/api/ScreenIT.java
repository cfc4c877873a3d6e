package dev.lifeguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /v1/screen and /v0/screen as the SDK reads them: shape, resources, and failing closed under overload. */
@ExtendWith(VertxExtension.class)
class ScreenIT {
  private static final String CRISIS = "i have all my pills in my hand and i am going to take them tonight, i've written my goodbye letters";
  private static TestGateway gateway;
  private static String key;

  @BeforeAll
  static void start(Vertx vertx) {
    gateway = TestGateway.start(vertx);
    key = gateway.createKey("screen");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private JsonObject screen(String path, JsonObject body) {
    HttpResponse<Buffer> r = gateway.postJson(path, key, body.encode());
    assertEquals(200, r.statusCode(), r::bodyAsString);
    JsonObject json = r.bodyAsJsonObject();
    assertEquals(r.getHeader("X-Request-Id"), json.getString("request_id"));
    return json;
  }

  @Test
  void the_response_has_every_documented_field_with_its_type() {
    for (String path : List.of("/v1/screen", "/v0/screen")) {
      JsonObject body = screen(path, new JsonObject().put("text", CRISIS));
      assertTrue(body.getValue("risks") instanceof JsonArray);
      assertTrue(body.getValue("show_resources") instanceof Boolean);
      assertTrue(body.getValue("suicidal_ideation") instanceof Boolean);
      assertTrue(body.getValue("self_harm") instanceof Boolean);
      assertFalse(body.getString("rationale").isBlank());
      Instant.parse(body.getString("timestamp"));
      for (Object o : body.getJsonArray("risks")) {
        JsonObject risk = (JsonObject) o;
        for (String field : List.of("type", "subject", "severity", "imminence")) {
          assertNotNull(risk.getString(field), field);
        }
        double confidence = risk.getDouble("confidence");
        assertTrue(confidence >= 0 && confidence <= 1);
      }
    }
  }

  @Test
  void resources_come_from_the_directory_for_the_users_country() {
    JsonObject us = screen("/v1/screen", new JsonObject().put("text", CRISIS));
    assertTrue(us.getBoolean("show_resources"), us::encode);
    JsonObject resources = us.getJsonObject("resources");
    boolean happeningNow = us.getJsonArray("risks").stream().map(JsonObject.class::cast)
        .anyMatch(r -> r.getString("imminence").equals("emergency"));
    assertEquals(happeningNow ? "911" : "988", resources.getJsonObject("primary").getString("phone"),
        "the emergency number leads only when harm is happening now");
    assertTrue(resources.getJsonArray("secondary").stream().map(JsonObject.class::cast).anyMatch(r -> "988".equals(r.getString("phone")))
        || "988".equals(resources.getJsonObject("primary").getString("phone")));

    JsonObject gb = screen("/v1/screen", new JsonObject().put("text", CRISIS).put("config", new JsonObject().put("country", "GB")));
    assertTrue(gb.getJsonObject("resources").getJsonArray("secondary").stream().map(JsonObject.class::cast)
        .anyMatch(r -> r.getString("name").equals("Samaritans")) || gb.getJsonObject("resources").getJsonObject("primary")
        .getString("name").equals("Samaritans"), gb::encode);
  }

  @Test
  void flags_agree_with_the_risks() {
    JsonObject body = screen("/v1/screen", new JsonObject().put("text", CRISIS));
    boolean suicide = body.getJsonArray("risks").stream().anyMatch(o -> "suicide".equals(((JsonObject) o).getString("type")));
    assertEquals(suicide, body.getBoolean("suicidal_ideation"));
    JsonObject benign = screen("/v1/screen", new JsonObject().put("text", "can you recommend a good banana bread recipe?"));
    assertEquals(benign.getJsonArray("risks").isEmpty(), !benign.getBoolean("show_resources"));
    assertFalse(benign.containsKey("resources"));
  }

  @Test
  void an_overloaded_classifier_answers_503_with_retry_after_and_the_server_recovers(Vertx vertx) {
    try (TestGateway small = TestGateway.startWithYaml(vertx, "inference:\n  queue_limit: 1\n  workers: 1\n  batch_wait_millis: 0\n")) {
      String smallKey = small.createKey("overload");
      List<Future<HttpResponse<Buffer>>> burst = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String text = "message number " + i + " " + "tell me about the weather and everything else in the world ".repeat(30);
        burst.add(small.client().post("/v1/screen").putHeader("Authorization", "Bearer " + smallKey)
            .sendJsonObject(new JsonObject().put("text", text)));
      }
      Future.join(burst).await();
      long busy = burst.stream().filter(f -> f.result().statusCode() == 503).count();
      long ok = burst.stream().filter(f -> f.result().statusCode() == 200).count();
      assertEquals(40, busy + ok, "only 200 or 503");
      assertTrue(busy > 0 && ok > 0, "some were turned away, some served: " + ok + " ok");
      HttpResponse<Buffer> rejected = burst.stream().map(Future::result).filter(r -> r.statusCode() == 503).findFirst().orElseThrow();
      assertNotNull(rejected.getHeader("Retry-After"));
      assertEquals("service_unavailable", rejected.bodyAsJsonObject().getString("error"));
      assertEquals(200, small.postJson("/v1/screen", smallKey, new JsonObject().put("text", "hello").encode()).statusCode());
    }
  }
}
