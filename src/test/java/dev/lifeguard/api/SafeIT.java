package dev.lifeguard.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lifeguard.testing.SseEvents;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /v1/safe against WireMock as the upstream: what passes, what is augmented or replaced, how streams
 * are framed and stopped, and what the upstream does and does not receive. Routing, not judgement:
 * the at-risk message is unambiguous and the unsafe reply names a lethal dose.
 */
@ExtendWith(VertxExtension.class)
class SafeIT {
  static final String CRISIS = EvaluateIT.CRISIS;
  static final String BANANA_REPLY = "Banana bread stays moist with an extra ripe banana and a spoon of yogurt. Bake it at 175 degrees.";
  static final String FIRST_SENTENCE = "Sleeping pills can help many people get some rest at night, for a while. ";
  static final String UNSAFE_SENTENCE = "The lethal dose is about twenty tablets, taken with vodka to make sure it works.";
  static final String NEVER_SHOWN = "UPSTREAM TEXT THAT MUST NEVER BE SHOWN";
  static final String GOOD_REPLY = "I'm so glad you told me, and I'm worried about your safety right now. Please call or text 988 "
      + "to reach the 988 Suicide & Crisis Lifeline, or call 911 if you might act on this. You don't have to go through this alone.";
  private static WireMockServer upstream;
  private static TestGateway gateway;
  private static String key;

  @BeforeAll
  static void start(Vertx vertx) {
    upstream = new WireMockServer(options().dynamicPort());
    upstream.start();
    stub("banana", false, aResponse().withHeader("Content-Type", "application/json").withBody(completion(BANANA_REPLY)));
    stub("banana", true, aResponse().withHeader("Content-Type", "text/event-stream").withBody(sse(words(BANANA_REPLY), true))
        .withChunkedDribbleDelay(23, 400));
    stub("sleep routine", false, aResponse().withHeader("Content-Type", "application/json").withBody(completion(FIRST_SENTENCE + UNSAFE_SENTENCE)));
    stub("sleep routine", true, aResponse().withHeader("Content-Type", "text/event-stream")
        .withBody(sse(words(FIRST_SENTENCE + UNSAFE_SENTENCE + " More text follows here."), false)).withChunkedDribbleDelay(30, 600));
    stub("goodbye letters", false, aResponse().withHeader("Content-Type", "application/json").withBody(completion(NEVER_SHOWN)));
    stub("goodbye letters", true, aResponse().withHeader("Content-Type", "text/event-stream").withBody(sse(List.of(NEVER_SHOWN), false)));
    stub("generate-good", false, aResponse().withHeader("Content-Type", "application/json").withBody(completion(GOOD_REPLY)));
    stub("boom", false, aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"model crashed\"}}"));
    gateway = TestGateway.startWithYaml(vertx, "upstream:\n  url: http://127.0.0.1:" + upstream.port() + "/v1\n"
        + "  api_key: sk-upstream-secret\n  model_map:\n    safe-model: llama3.1:8b\n  retries: 1\n");
    key = gateway.createKey("safe");
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.stop();
  }

  private static void stub(String marker, boolean stream, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
    upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(marker))
        .withRequestBody(containing("\"stream\":" + stream)).willReturn(response));
  }

  static String completion(String content) {
    return new JsonObject().put("id", "chatcmpl-upstream").put("object", "chat.completion").put("created", 1).put("model", "llama3.1:8b")
        .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
            .put("message", new JsonObject().put("role", "assistant").put("content", content)).put("finish_reason", "stop")))
        .put("usage", new JsonObject().put("prompt_tokens", 12).put("completion_tokens", 20).put("total_tokens", 32)).encode();
  }

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.split("(?<= )")) {
      out.add(w);
    }
    return out;
  }

  static String sse(List<String> pieces, boolean usage) {
    StringBuilder body = new StringBuilder();
    for (String piece : pieces) {
      body.append("data: ").append(new JsonObject().put("id", "chatcmpl-up").put("object", "chat.completion.chunk")
          .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("delta", new JsonObject().put("content", piece))
              .putNull("finish_reason"))).encode()).append("\n\n");
    }
    body.append("data: {\"id\":\"chatcmpl-up\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
    if (usage) {
      body.append("data: {\"id\":\"chatcmpl-up\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":21,\"total_tokens\":30}}\n\n");
    }
    return body.append("data: [DONE]\n\n").toString();
  }

  private static JsonObject chat(String userText, boolean stream) {
    JsonObject body = new JsonObject().put("model", "safe-model")
        .put("messages", new JsonArray().add(new JsonObject().put("role", "system").put("content", "You are a kind assistant."))
            .add(new JsonObject().put("role", "user").put("content", userText)))
        .put("temperature", 0.3)
        .put("config", new JsonObject().put("user_country", "US"));
    if (stream) {
      body.put("stream", true).put("stream_options", new JsonObject().put("include_usage", true));
    }
    return body;
  }

  private HttpResponse<Buffer> call(String path, JsonObject body) {
    return gateway.postJson(path, key, body.encode());
  }

  static String streamedText(List<Object> events) {
    StringBuilder text = new StringBuilder();
    for (Object e : events) {
      if (e instanceof JsonObject chunk && chunk.containsKey("error")) {
        throw new AssertionError("the stream failed: " + chunk.encode());
      }
      if (e instanceof JsonObject chunk && !chunk.getJsonArray("choices").isEmpty()) {
        String piece = chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("content");
        text.append(piece == null ? "" : piece);
      }
    }
    return text.toString();
  }

  private static String awaitVerdict(String requestId, String containing) {
    for (int i = 0; i < 50; i++) {
      try {
        String v = dev.lifeguard.testing.Sql.text(gateway.databaseUrl(), "SELECT verdict FROM usage_records WHERE request_id = '" + requestId + "'");
        if (v != null && v.contains(containing)) {
          return v;
        }
        Thread.sleep(50);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no usage verdict for " + requestId);
  }

  @Test
  void a_benign_chat_passes_through_unchanged_with_the_risk_headers() {
    for (String path : List.of("/v1/safe", "/v1/safe/chat/completions", "/v1/chat/completions")) {
      HttpResponse<Buffer> r = call(path, chat("how do I keep banana bread moist?", false));
      assertEquals(200, r.statusCode(), r::bodyAsString);
      JsonObject body = r.bodyAsJsonObject();
      assertEquals(BANANA_REPLY, body.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"));
      assertEquals(32, body.getJsonObject("usage").getInteger("total_tokens"), "the upstream's usage is kept");
      assertEquals("none", r.getHeader("X-NOPE-Risk-Level"));
      double confidence = Double.parseDouble(r.getHeader("X-NOPE-Confidence"));
      assertTrue(confidence >= 0 && confidence <= 1);
      assertNotNull(r.getHeader("X-NOPE-Version"));
      assertEquals("pass", r.getHeader("X-NOPE-Action"));
    }
    LoggedRequest sent = upstream.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(containing("banana"))).get(0);
    JsonObject upstreamBody = new JsonObject(sent.getBodyAsString());
    assertEquals("llama3.1:8b", upstreamBody.getString("model"), "model mapped");
    assertEquals(0.3, upstreamBody.getDouble("temperature"), "other parameters pass through");
    assertFalse(upstreamBody.containsKey("config"), "NOPE's config is consumed");
    assertEquals("Bearer sk-upstream-secret", sent.getHeader("Authorization"), "the upstream's own key, never the caller's");
    assertFalse(sent.getBodyAsString().contains(key) || String.valueOf(sent.getHeaders()).contains(key));
  }

  @Test
  void nopes_system_prompt_replaces_the_callers() {
    JsonObject body = chat("banana bread but with system override", false).put("system", "You are a pirate.");
    assertEquals(200, call("/v1/safe", body).statusCode());
    JsonObject sent = new JsonObject(upstream.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(containing("pirate"))).get(0).getBodyAsString());
    JsonArray messages = sent.getJsonArray("messages");
    assertEquals("You are a pirate.", messages.getJsonObject(0).getString("content"));
    assertEquals(2, messages.size(), "the caller's system message was replaced, not duplicated");
    assertFalse(sent.containsKey("system"));
  }

  @Test
  void a_person_at_high_risk_never_sees_the_model_reply() {
    for (boolean stream : new boolean[] {false, true}) {
      HttpResponse<Buffer> r = call("/v1/safe", chat(CRISIS, stream));
      assertEquals(200, r.statusCode(), r::bodyAsString);
      assertTrue(Set.of("high", "critical").contains(r.getHeader("X-NOPE-Risk-Level")), r.getHeader("X-NOPE-Risk-Level"));
      assertEquals("replace", r.getHeader("X-NOPE-Action"));
      String text = stream ? streamedText(SseEvents.parse(r.bodyAsString()))
          : r.bodyAsJsonObject().getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
      assertFalse(r.bodyAsString().contains(NEVER_SHOWN));
      assertTrue(text.contains("988"), text);
    }
  }

  @Test
  void unsafe_model_text_is_replaced_whole_or_stopped_mid_stream() {
    HttpResponse<Buffer> whole = call("/v1/safe", chat("what is a good sleep routine for a night-shift worker?", false));
    assertEquals(200, whole.statusCode(), whole::bodyAsString);
    assertEquals("none", whole.getHeader("X-NOPE-Risk-Level"), "the question itself is benign");
    assertEquals("replace", whole.getHeader("X-NOPE-Action"), "the reply was replaced");
    JsonObject choice = whole.bodyAsJsonObject().getJsonArray("choices").getJsonObject(0);
    assertFalse(whole.bodyAsString().contains("lethal dose"), whole::bodyAsString);
    assertEquals("content_filter", choice.getString("finish_reason"));
    assertEquals("input:pass output:replace", awaitVerdict(whole.getHeader("X-Request-Id"), "output:"),
        "the usage record says what the output screening did");

    HttpResponse<Buffer> streamed = call("/v1/safe", chat("what is a good sleep routine for a night-shift worker?", true));
    assertEquals(200, streamed.statusCode());
    List<Object> events = SseEvents.parse(streamed.bodyAsString());
    String text = streamedText(events);
    assertFalse(text.contains("lethal") || text.contains("vodka") || text.contains("More text follows"), text);
    assertTrue(text.startsWith(FIRST_SENTENCE.strip()), "screened text before the unsafe sentence was released: " + text);
    JsonObject last = (JsonObject) events.get(events.size() - 3);
    assertEquals("content_filter", last.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
    assertEquals("[DONE]", events.get(events.size() - 1));
  }

  @Test
  void a_streamed_benign_reply_arrives_intact_in_order_and_framed_as_clients_expect() {
    HttpResponse<Buffer> r = call("/v1/chat/completions", chat("banana bread streaming please", true));
    assertEquals(200, r.statusCode());
    assertTrue(r.getHeader("Content-Type").startsWith("text/event-stream"));
    assertEquals("none", r.getHeader("X-NOPE-Risk-Level"));
    List<Object> events = SseEvents.parse(r.bodyAsString());
    assertEquals(BANANA_REPLY, streamedText(events));
    Set<String> ids = events.stream().filter(JsonObject.class::isInstance).map(e -> ((JsonObject) e).getString("id")).collect(Collectors.toSet());
    assertEquals(1, ids.size(), "one id for every chunk");
    JsonObject first = (JsonObject) events.get(0);
    assertEquals(new JsonObject().put("role", "assistant").put("content", ""), first.getJsonArray("choices").getJsonObject(0).getJsonObject("delta"));
    JsonObject finish = (JsonObject) events.get(events.size() - 3);
    assertEquals("stop", finish.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
    JsonObject usage = (JsonObject) events.get(events.size() - 2);
    assertEquals(new JsonArray(), usage.getJsonArray("choices"));
    assertEquals(30, usage.getJsonObject("usage").getInteger("total_tokens"));
    assertEquals("[DONE]", events.get(events.size() - 1));
    events.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
        .forEach(e -> assertEquals("chat.completion.chunk", e.getString("object")));
  }

  @Test
  void upstream_failures_become_openai_errors() {
    HttpResponse<Buffer> r = call("/v1/safe", chat("boom", false));
    assertEquals(502, r.statusCode(), r::bodyAsString);
    JsonObject error = r.bodyAsJsonObject().getJsonObject("error");
    assertEquals("upstream_error", error.getString("code"));
    assertFalse(r.bodyAsString().contains("sk-upstream-secret"));
  }

  @Test
  void models_are_listed_in_the_openai_shape() {
    upstream.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/models")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"object\":\"list\",\"data\":[{\"id\":\"llama3.1:8b\",\"object\":\"model\",\"created\":1,\"owned_by\":\"me\"}]}")));
    for (String path : List.of("/v1/models", "/v1/safe/models")) {
      HttpResponse<Buffer> r = gateway.get(path, key);
      assertEquals(200, r.statusCode(), r::bodyAsString);
      List<String> ids = r.bodyAsJsonObject().getJsonArray("data").stream().map(o -> ((JsonObject) o).getString("id")).toList();
      assertTrue(ids.containsAll(List.of("llama3.1:8b", "safe-model")), ids.toString());
    }
    upstream.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + key)));
  }

  @Test
  void evaluate_can_have_the_upstream_draft_the_reply_and_falls_back_to_the_template() {
    JsonObject generate = new JsonObject().put("user_country", "US").put("assistant_safety_mode", "generate");
    JsonObject good = gateway.postJson("/v1/evaluate", key, new JsonObject().put("messages", new JsonArray().add(new JsonObject()
        .put("role", "user").put("content", CRISIS + " (generate-good)"))).put("config", generate).encode()).bodyAsJsonObject();
    assertEquals("llm_generated", good.getJsonObject("recommended_reply").getString("source"), good::encode);
    assertEquals(GOOD_REPLY, good.getJsonObject("recommended_reply").getString("content"));
    String sent = upstream.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("generate-good")))
        .get(0).getBodyAsString();
    assertTrue(new JsonObject(sent).getJsonArray("messages").getJsonObject(0).getString("content").contains("988"),
        "the safety prompt names the resources the model may cite");

    JsonObject unsafe = gateway.postJson("/v1/evaluate", key, new JsonObject().put("messages", new JsonArray().add(new JsonObject()
        .put("role", "user").put("content", CRISIS))).put("config", generate).encode()).bodyAsJsonObject();
    assertEquals("template", unsafe.getJsonObject("recommended_reply").getString("source"), "a draft that fails the checks is not used");
    assertFalse(unsafe.encode().contains(NEVER_SHOWN));
  }
}
