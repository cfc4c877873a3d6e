package dev.lifeguard.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.lifeguard.testing.SseEvents;
import dev.lifeguard.testing.Sql;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way the upstream LLM can fail, driven end to end through the real gateway at {@code /v1/safe},
 * plain and streamed, with WireMock as the upstream (and a raw socket where WireMock cannot reset a
 * connection after a body has started). What a user would notice is asserted: before the reply has
 * started, an OpenAI-shaped error with a status a client can act on and a message naming the
 * problem; once a stream has started, a terminating error event and never a word the screener had
 * not released. The usage record says how the call ended, and the gateway keeps serving.
 *
 * <p>Timeouts are short here: first byte 2 s, idle 1 s, total 5 s, one retry.
 */
class UpstreamFaultsIT {
  /** A sentence long enough to be a window of its own: screened, then released. */
  private static final String RELEASED = "Volcanoes form where magma rises through cracks in the crust of the earth. ";
  /** Text without a sentence end: held by the screener until more comes, so it must vanish with the fault. */
  private static final String HELD = "HELD-BACK fragment the screener never judged and so must never show";
  private static final String NORMAL_REPLY = "Goldfish like names such as Bubbles or Captain Fin. Both are popular choices.";
  private static final List<String> INTERNALS = List.of("Exception", "\tat ", "io.vertx", "io.netty", "dev.lifeguard", "java.",
      "NullPointer", "ClassCast");

  private static Vertx vertx;
  private static WireMockServer upstream;
  private static RawUpstream raw;
  private static TestGateway gateway;
  private static TestGateway rawGateway;
  private static String key;
  private static String rawKey;

  @BeforeAll
  static void start() throws IOException {
    vertx = Vertx.vertx();
    upstream = new WireMockServer(options().dynamicPort().containerThreads(40));
    upstream.start();
    raw = new RawUpstream();
    String timeouts = "  first_byte_timeout_millis: 2000\n  idle_timeout_millis: 1000\n  total_timeout_millis: 5000\n  retries: 1\n";
    gateway = TestGateway.startWithYaml(vertx, "upstream:\n  url: http://127.0.0.1:" + upstream.port() + "/v1\n" + timeouts);
    key = gateway.createKey("upstream-faults");
    rawGateway = TestGateway.startSharing(vertx, gateway, "upstream:\n  url: http://127.0.0.1:" + raw.port() + "/v1\n" + timeouts);
    rawKey = key;
  }

  @AfterEach
  void reset() {
    upstream.resetAll();
  }

  @AfterAll
  static void stop() throws IOException {
    rawGateway.close();
    gateway.close();
    raw.close();
    upstream.stop();
    vertx.close().await();
  }

  // ---- upstream statuses: before anything was relayed, a clear error under a status a client can act on

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void an_upstream_500_is_a_502_with_the_upstreams_message(boolean stream) {
    String marker = stub(stream, aResponse().withStatus(500).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"model crashed\"}}"));
    HttpResponse<Buffer> r = call(marker, stream);
    JsonObject error = assertError(r, 502, "upstream_error", "500");
    assertTrue(error.getString("message").contains("model crashed"), "the upstream's own message is passed on: " + error);
    assertNull(r.getHeader("Retry-After"));
    assertEquals(2, upstreamCalls(marker), "a 5xx is retried once (upstream.retries: 1)");
    assertRecord(r, 502, "upstream_failed");
    assertStillServes(stream);
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void an_upstream_502_without_a_body_is_a_502(boolean stream) {
    String marker = stub(stream, aResponse().withStatus(502).withHeader("Content-Type", "text/html")
        .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));
    HttpResponse<Buffer> r = call(marker, stream);
    JsonObject error = assertError(r, 502, "upstream_error", "502");
    assertFalse(error.getString("message").contains("<html>"), "an HTML error page is not relayed: " + error);
    assertRecord(r, 502, "upstream_failed");
    assertStillServes(stream);
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void an_overloaded_upstream_is_a_503_that_passes_on_its_retry_after(boolean stream) {
    String marker = stub(stream, aResponse().withStatus(503).withHeader("Retry-After", "17")
        .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"server overloaded\"}}"));
    HttpResponse<Buffer> r = call(marker, stream);
    JsonObject error = assertError(r, 503, "upstream_error", "overloaded");
    assertEquals("service_unavailable", error.getString("type"));
    assertEquals("17", r.getHeader("Retry-After"), "the upstream's own wait, not a guess");
    assertEquals(1, upstreamCalls(marker), "an upstream that asked for time is not retried at once");
    assertRecord(r, 503, "upstream_failed");
    assertStillServes(stream);
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void an_overloaded_upstream_without_retry_after_is_a_503_with_the_gateways_own(boolean stream) {
    String marker = stub(stream, aResponse().withStatus(503).withBody("busy"));
    HttpResponse<Buffer> r = call(marker, stream);
    assertError(r, 503, "upstream_error", "503");
    assertTrue(Integer.parseInt(r.getHeader("Retry-After")) > 0, "a client is told when to come back");
    assertEquals(2, upstreamCalls(marker), "retried once: it gave no time to wait");
    assertStillServes(stream);
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void an_upstream_rate_limit_stays_a_429_with_its_retry_after(boolean stream) {
    String marker = stub(stream, aResponse().withStatus(429).withHeader("Retry-After", "42")
        .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"Rate limit reached for requests\"}}"));
    HttpResponse<Buffer> r = call(marker, stream);
    JsonObject error = assertError(r, 429, "upstream_error", "Rate limit reached");
    assertEquals("rate_limit_error", error.getString("type"));
    assertEquals("42", r.getHeader("Retry-After"));
    assertEquals(1, upstreamCalls(marker), "4xx is never retried");
    assertRecord(r, 429, "upstream_failed");
    assertStillServes(stream);
  }

  // ---- timeouts

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void an_upstream_that_sends_no_headers_in_time_is_a_504(boolean stream) {
    String marker = stub(stream, aResponse().withFixedDelay(3_000).withHeader("Content-Type", stream ? "text/event-stream" : "application/json")
        .withBody(stream ? sse(List.of(RELEASED)) : completion(RELEASED)));
    long started = System.nanoTime();
    HttpResponse<Buffer> r = call(marker, stream);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertError(r, 504, "upstream_error", "no response headers within 2000 ms");
    assertTrue(millis < 6_000, "bounded by the first-byte timeout and one retry, not the upstream: " + millis + " ms");
    assertFalse(r.bodyAsString().contains("Volcanoes"));
    assertRecord(r, 504, "upstream_failed");
    assertStillServes(stream);
  }

  @Test
  void a_plain_reply_that_stalls_after_its_headers_is_a_504() {
    // Headers and the first quarter at 1.5 s (inside the first-byte timeout), then 1.5 s of silence (over the idle timeout).
    String marker = stub(false, aResponse().withHeader("Content-Type", "application/json").withBody(completion(RELEASED + RELEASED))
        .withChunkedDribbleDelay(4, 6_000));
    HttpResponse<Buffer> r = call(marker, false);
    assertError(r, 504, "upstream_error", "sent nothing for 1000 ms");
    assertFalse(r.bodyAsString().contains("Volcanoes"));
    assertRecord(r, 504, "upstream_failed");
    assertStillServes(false);
  }

  @Test
  void a_stream_that_stalls_mid_reply_ends_with_an_error_event_and_drops_the_unscreened_text() {
    String marker = stub(true, aResponse().withHeader("Content-Type", "text/event-stream").withBody(padded(List.of(RELEASED, HELD)))
        .withChunkedDribbleDelay(4, 6_000));
    HttpResponse<Buffer> r = call(marker, true);
    assertStreamFailed(r, "sent nothing for 1000 ms");
    assertRecord(r, 200, "stream:upstream_failed");
    assertStillServes(true);
  }

  @Test
  void a_stream_that_outlives_the_total_timeout_is_cut_with_an_error_event() {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pieces.add(RELEASED);
    }
    pieces.add(HELD);
    // A chunk every 700 ms (inside the idle timeout) for 8.4 s (over the 5 s total).
    String marker = stub(true, aResponse().withHeader("Content-Type", "text/event-stream").withBody(sse(pieces))
        .withChunkedDribbleDelay(12, 8_400));
    long started = System.nanoTime();
    HttpResponse<Buffer> r = call(marker, true);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertStreamFailed(r, "5000 ms");
    assertTrue(millis < 7_000, "cut at the total timeout: " + millis + " ms");
    assertStillServes(true);
  }

  // ---- connections that break

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"CONNECTION_RESET_BY_PEER", "RANDOM_DATA_THEN_CLOSE", "EMPTY_RESPONSE"})
  void a_connection_broken_before_the_reply_is_a_502(String fault) {
    for (boolean stream : new boolean[] {false, true}) {
      String marker = stub(stream, aResponse().withFault(Fault.valueOf(fault)));
      HttpResponse<Buffer> r = call(marker, stream);
      assertError(r, 502, "upstream_error", "upstream");
      assertEquals(2, upstreamCalls(marker), "a broken connection before the first byte is retried once");
      assertRecord(r, 502, "upstream_failed");
    }
    assertStillServes(false);
    assertStillServes(true);
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void a_malformed_response_chunk_is_a_502_or_an_error_event(boolean stream) {
    String marker = stub(stream, aResponse().withStatus(200).withHeader("Content-Type", stream ? "text/event-stream" : "application/json")
        .withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    HttpResponse<Buffer> r = call(marker, stream);
    if (stream && r.statusCode() == 200) {
      assertStreamFailed(r, "upstream");
      assertRecord(r, 200, "stream:upstream_failed");
    } else {
      assertError(r, 502, "upstream_error", "upstream");
      assertRecord(r, 502, "upstream_failed");
    }
    assertStillServes(stream);
  }

  @Test
  void a_connection_reset_mid_stream_ends_with_an_error_event_and_drops_the_unscreened_text() {
    HttpResponse<Buffer> r = rawGateway.postJson("/v1/safe", rawKey, chat("tell me about volcanoes, reset-mid-stream", true).encode());
    assertStreamFailed(r, "upstream");
    assertTrue(raw.served() > 0);
    HttpResponse<Buffer> again = rawGateway.postJson("/v1/safe", rawKey, chat("tell me about volcanoes again", true).encode());
    assertStreamFailed(again, "upstream");
    assertStillServes(true);
  }

  // ---- answers that are not what an OpenAI-compatible server sends

  @Test
  void a_plain_reply_that_is_not_json_is_a_502() {
    for (String body : List.of("<html>Internal error</html>", "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"Volcanoes are",
        "[1,2,3]", "")) {
      String marker = stub(false, aResponse().withHeader("Content-Type", "application/json").withBody(body));
      HttpResponse<Buffer> r = call(marker, false);
      assertError(r, 502, "upstream_error", "not a JSON object");
      assertFalse(r.bodyAsString().contains("Volcanoes"), "a truncated reply is never released: " + r.bodyAsString());
      assertRecord(r, 502, "upstream_failed");
    }
    assertStillServes(false);
  }

  @Test
  void a_plain_reply_without_a_usable_choice_is_a_502() {
    for (String body : List.of("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\"}",
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}",
        "{\"id\":\"chatcmpl-1\",\"choices\":\"Volcanoes\"}",
        "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\"}]}",
        "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":42}}]}",
        "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + "[{\"type\":\"text\",\"text\":\"Volcanoes never screened\"}]}}]}")) {
      String marker = stub(false, aResponse().withHeader("Content-Type", "application/json").withBody(body));
      HttpResponse<Buffer> r = call(marker, false);
      assertError(r, 502, "upstream_error", "choice");
      assertFalse(r.bodyAsString().contains("Volcanoes"), "nothing unscreened is released: " + r.bodyAsString());
      assertRecord(r, 502, "upstream_failed");
    }
    assertStillServes(false);
  }

  @Test
  void extra_choices_and_reasoning_are_never_released_unscreened() {
    JsonObject two = new JsonObject(completion(NORMAL_REPLY));
    two.getJsonArray("choices").getJsonObject(0).getJsonObject("message").put("reasoning_content", "HELD-BACK reasoning, never screened");
    two.getJsonArray("choices").add(new JsonObject().put("index", 1)
        .put("message", new JsonObject().put("role", "assistant").put("content", HELD)).put("finish_reason", "stop"));
    String marker = stub(false, aResponse().withHeader("Content-Type", "application/json").withBody(two.encode()));
    HttpResponse<Buffer> r = gateway.postJson("/v1/safe", key, chat("name my goldfish", marker, false).put("n", 2).encode());
    assertEquals(200, r.statusCode(), r::bodyAsString);
    assertEquals(NORMAL_REPLY, content(r));
    assertFalse(r.bodyAsString().contains("HELD-BACK"), "choice 1 and the reasoning were never screened: " + r.bodyAsString());
    assertEquals(1, r.bodyAsJsonObject().getJsonArray("choices").size());
    assertFalse(upstream.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(containing(marker))).get(0).getBodyAsString().contains("\"n\""), "n is not sent upstream: one reply is screened");
  }

  @Test
  void a_stream_request_answered_with_plain_json_is_a_502() {
    String marker = stub(true, aResponse().withHeader("Content-Type", "application/json").withBody(completion(RELEASED)));
    HttpResponse<Buffer> r = call(marker, true);
    assertError(r, 502, "upstream_error", "application/json");
    assertFalse(r.bodyAsString().contains("Volcanoes"));
    assertStillServes(true);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{not json", "[1,2,3]", "\"Volcanoes\"", "{\"error\":{\"message\":\"model overloaded\"}}"})
  void a_stream_with_an_event_that_is_not_a_chunk_ends_with_an_error_event(String data) {
    String body = sseEvents(List.of(RELEASED, HELD)) + "data: " + data + "\n\n" + sseEvents(List.of(RELEASED)) + "data: [DONE]\n\n";
    String marker = stub(true, aResponse().withHeader("Content-Type", "text/event-stream").withBody(body));
    HttpResponse<Buffer> r = call(marker, true);
    assertStreamFailed(r, data.contains("overloaded") ? "model overloaded" : "upstream");
    assertRecord(r, 200, "stream:upstream_failed");
    assertStillServes(true);
  }

  @Test
  void a_stream_that_ends_without_done_ends_with_an_error_event() {
    String marker = stub(true, aResponse().withHeader("Content-Type", "text/event-stream").withBody(sseEvents(List.of(RELEASED, HELD))));
    HttpResponse<Buffer> r = call(marker, true);
    assertStreamFailed(r, "before [DONE]");
    assertStillServes(true);
  }

  // ---- fixtures

  private static String stub(boolean stream, ResponseDefinitionBuilder response) {
    String marker = "fault-" + UUID.randomUUID();
    upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(marker))
        .withRequestBody(containing("\"stream\":" + stream)).willReturn(response));
    return marker;
  }

  private static int upstreamCalls(String marker) {
    return upstream.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(containing(marker))).size();
  }

  private static JsonObject chat(String text, boolean stream) {
    return chat(new JsonArray(), text, stream);
  }

  /**
   * The marker that routes a request to its stub travels in a system turn, which is forwarded but
   * never scored: a random id in the user's text could sway the classifier, and these tests are
   * about routing, not judgement.
   */
  private static JsonObject chat(String text, String marker, boolean stream) {
    return chat(new JsonArray().add(new JsonObject().put("role", "system").put("content", "request " + marker)), text, stream);
  }

  private static JsonObject chat(JsonArray system, String text, boolean stream) {
    JsonObject body = new JsonObject().put("model", "llama3.1:8b")
        .put("messages", system.add(new JsonObject().put("role", "user").put("content", text)))
        .put("config", new JsonObject().put("user_country", "US"));
    return stream ? body.put("stream", true) : body;
  }

  private static HttpResponse<Buffer> call(String marker, boolean stream) {
    return gateway.postJson("/v1/safe", key, chat("tell me about volcanoes", marker, stream).encode());
  }

  static String completion(String content) {
    return new JsonObject().put("id", "chatcmpl-upstream").put("object", "chat.completion").put("created", 1).put("model", "llama3.1:8b")
        .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
            .put("message", new JsonObject().put("role", "assistant").put("content", content)).put("finish_reason", "stop")))
        .encode();
  }

  static String sseEvents(List<String> pieces) {
    StringBuilder body = new StringBuilder();
    for (String piece : pieces) {
      body.append("data: ").append(new JsonObject().put("id", "chatcmpl-up").put("object", "chat.completion.chunk")
          .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("delta", new JsonObject().put("content", piece))
              .putNull("finish_reason"))).encode()).append("\n\n");
    }
    return body.toString();
  }

  static String sse(List<String> pieces) {
    return sseEvents(pieces)
        + "data: {\"id\":\"chatcmpl-up\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: [DONE]\n\n";
  }

  /** The pieces, then a comment four times their length: a dribble in four chunks delivers the pieces in its first. */
  private static String padded(List<String> pieces) {
    String events = sseEvents(pieces);
    return events + ": " + "x".repeat(4 * events.length()) + "\n\n" + sse(List.of());
  }

  private static String content(HttpResponse<Buffer> r) {
    return r.bodyAsJsonObject().getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
  }

  /** An OpenAI-shaped error: {@code {"error":{"message","type","code","param"}}}, no internals, never a 500. */
  private static JsonObject assertError(HttpResponse<Buffer> r, int status, String code, String messagePart) {
    assertNotEquals(500, r.statusCode(), r::bodyAsString);
    assertEquals(status, r.statusCode(), r::bodyAsString);
    assertTrue(r.getHeader("Content-Type").startsWith("application/json"), r.getHeader("Content-Type"));
    JsonObject error = r.bodyAsJsonObject().getJsonObject("error");
    assertNotNull(error, r.bodyAsString());
    assertEquals(code, error.getString("code"));
    assertNotNull(error.getString("type"));
    assertTrue(error.containsKey("param"));
    assertTrue(error.getString("message").contains(messagePart), "the message names the problem: " + error.getString("message"));
    for (String internal : INTERNALS) {
      assertFalse(r.bodyAsString().contains(internal), "no internals in the answer: " + r.bodyAsString());
    }
    return error;
  }

  /**
   * A stream that had started: 200, then only text the screener released (whole windows of what the
   * upstream sent, never the held fragment), then an error event naming the problem, and no [DONE].
   */
  private static void assertStreamFailed(HttpResponse<Buffer> r, String messagePart) {
    assertEquals(200, r.statusCode(), r::bodyAsString);
    List<Object> events = SseEvents.parse(r.bodyAsString());
    Object last = events.get(events.size() - 1);
    assertTrue(last instanceof JsonObject json && json.containsKey("error"), "ends with an error event: " + r.bodyAsString());
    JsonObject error = ((JsonObject) last).getJsonObject("error");
    assertEquals("upstream_error", error.getString("code"));
    assertTrue(error.getString("message").contains(messagePart), "the event names the problem: " + error);
    assertFalse(events.contains("[DONE]"), "not a normal end: " + r.bodyAsString());
    StringBuilder released = new StringBuilder();
    for (Object e : events) {
      if (e instanceof JsonObject chunk && chunk.containsKey("choices") && !chunk.getJsonArray("choices").isEmpty()) {
        String piece = chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("content");
        released.append(piece == null ? "" : piece);
      }
    }
    // Windows end at a sentence end, so what was released is whole copies of the one sentence and nothing else.
    assertEquals("", released.toString().replace(RELEASED.strip(), "").strip(), "only screened windows were released: " + released);
    for (String internal : INTERNALS) {
      assertFalse(r.bodyAsString().contains(internal), "no internals in the stream: " + r.bodyAsString());
    }
  }

  /** The call's usage record has the status the client saw and a verdict that says how the reply ended. */
  private static void assertRecord(HttpResponse<Buffer> r, int status, String verdictPart) {
    String requestId = r.getHeader("X-Request-Id");
    assertNotNull(requestId);
    String row = null;
    for (int i = 0; i < 60; i++) {
      try {
        row = Sql.text(gateway.databaseUrl(), "SELECT status || ' ' || coalesce(verdict, '') || ' ' || cost_mills FROM usage_records"
            + " WHERE request_id = '" + requestId + "'");
        if (row != null && row.startsWith(status + " ") && row.contains(verdictPart)) {
          return;
        }
        Thread.sleep(50);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("usage record of " + requestId + " is '" + row + "', expected status " + status + " and " + verdictPart);
  }

  /** A normal request, plain or streamed, succeeds after the fault. */
  private static void assertStillServes(boolean stream) {
    String marker = stub(stream, stream
        ? aResponse().withHeader("Content-Type", "text/event-stream").withBody(sse(List.of(NORMAL_REPLY)))
        : aResponse().withHeader("Content-Type", "application/json").withBody(completion(NORMAL_REPLY)));
    HttpResponse<Buffer> r = gateway.postJson("/v1/safe", key, chat("what should I name my goldfish?", marker, stream).encode());
    assertEquals(200, r.statusCode(), r::bodyAsString);
    if (stream) {
      List<Object> events = SseEvents.parse(r.bodyAsString());
      assertEquals("[DONE]", events.get(events.size() - 1), r.bodyAsString());
      assertTrue(r.bodyAsString().contains("Captain Fin"), r.bodyAsString());
    } else {
      assertEquals(NORMAL_REPLY, content(r));
    }
  }

  /**
   * An upstream on a plain socket: answers every request with stream headers and two events (one
   * sentence, one held fragment), then resets the connection (SO_LINGER 0 sends an RST, not a FIN).
   */
  private static final class RawUpstream implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0);
    private final Thread thread;
    private volatile int served;

    RawUpstream() throws IOException {
      thread = new Thread(this::serve, "raw-upstream");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return server.getLocalPort();
    }

    int served() {
      return served;
    }

    private void serve() {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          readRequest(socket.getInputStream());
          String events = sseEvents(List.of(RELEASED, HELD));
          String head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
          String chunk = Integer.toHexString(events.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + events + "\r\n";
          socket.getOutputStream().write((head + chunk).getBytes(StandardCharsets.UTF_8));
          socket.getOutputStream().flush();
          Thread.sleep(300);
          served++;
          socket.setSoLinger(true, 0);
        } catch (IOException | InterruptedException e) {
          // closed, or the gateway went first: next connection
        }
      }
    }

    /** Reads the request line, headers and a Content-Length body. */
    private static void readRequest(InputStream in) throws IOException {
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        head.append((char) b);
      }
      int length = 0;
      for (String line : head.toString().split("\r\n")) {
        if (line.toLowerCase().startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      in.readNBytes(length);
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
