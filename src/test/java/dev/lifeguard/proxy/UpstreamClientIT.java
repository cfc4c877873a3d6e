package dev.lifeguard.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.lifeguard.config.UpstreamConfig;
import dev.lifeguard.config.UpstreamConfig.Endpoint;
import dev.lifeguard.proxy.UpstreamException.Kind;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The upstream client against real local servers: WireMock for canned answers, a Vert.x server for timing. */
class UpstreamClientIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COMPLETION = """
      {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"llama3.1:8b",
       "choices":[{"index":0,"message":{"role":"assistant","content":"Hello there."},"finish_reason":"stop"}]}""";

  private Vertx vertx;
  private WireMockServer primary;
  private WireMockServer fallback;
  private final List<UpstreamClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    primary = new WireMockServer(options().dynamicPort());
    fallback = new WireMockServer(options().dynamicPort());
    primary.start();
    fallback.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (UpstreamClient client : clients) {
      await(client.close());
    }
    primary.stop();
    fallback.stop();
    await(vertx.close());
  }

  // ---- fixtures

  private static URI base(WireMockServer server) {
    return URI.create("http://localhost:" + server.port() + "/v1");
  }

  private static URI base(HttpServer server) {
    return URI.create("http://localhost:" + server.actualPort() + "/v1");
  }

  private UpstreamClient client(UpstreamConfig config) {
    UpstreamClient client = new UpstreamClient(vertx, config);
    clients.add(client);
    return client;
  }

  private UpstreamClient client(URI url) {
    return client(new UpstreamConfig(Optional.of(url), Optional.of("sk-upstream-key")));
  }

  private UpstreamClient fastClient(URI url, int retries) {
    return client(new UpstreamConfig(Optional.of(url), Optional.of("sk-upstream-key"))
        .withRetries(retries)
        .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofSeconds(5)));
  }

  private HttpServer backend(Handler<HttpServerRequest> handler) throws Exception {
    return await(vertx.createHttpServer().requestHandler(handler).listen(0));
  }

  private static ObjectNode chat(String model, boolean stream) throws Exception {
    ObjectNode body = (ObjectNode) JSON.readTree("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":0.2}");
    if (model != null) {
      body.put("model", model);
    }
    body.put("stream", stream);
    return body;
  }

  private static String sse(String... contents) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < contents.length; i++) {
      body.append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"")
          .append(contents[i]).append("\"},\"finish_reason\":null}]}\n\n");
    }
    return body.append("data: [DONE]\n\n").toString();
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static UpstreamException failure(Future<?> future) {
    return assertInstanceOf(UpstreamException.class, assertThrows(Exception.class, () -> await(future)));
  }

  /** Pulls every event up to DONE, as the streaming screener will. */
  private static List<String> contents(UpstreamStream stream) throws Exception {
    List<String> contents = new ArrayList<>();
    for (StreamEvent event = await(stream.next()); !event.isDone(); event = await(stream.next())) {
      ObjectNode chunk = ((StreamEvent.Chunk) event).json();
      contents.add(chunk.at("/choices/0/delta/content").asText());
    }
    return contents;
  }

  // ---- non-streaming

  @Test
  void should_return_the_upstream_completion() throws Exception {
    primary.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(COMPLETION)));

    UpstreamReply reply = await(client(base(primary)).complete(chat("gpt-4o-mini", false)));

    assertEquals(200, reply.status());
    assertEquals("Hello there.", reply.body().at("/choices/0/message/content").asText());
  }

  @Test
  void should_map_the_model_send_the_upstream_key_and_nothing_of_the_callers() throws Exception {
    primary.stubFor(post("/v1/chat/completions").willReturn(aResponse().withBody(COMPLETION)));
    UpstreamClient client = client(new UpstreamConfig(Optional.of(base(primary)), Optional.of("sk-upstream-key"))
        .withModels(Map.of("gpt-4o-mini", "llama3.1:8b"), Optional.of("qwen2.5"), List.of()));
    ObjectNode body = chat("gpt-4o-mini", true);

    await(client.complete(body));
    await(client.complete(chat(null, false)));

    primary.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
        .withHeader("Authorization", equalTo("Bearer sk-upstream-key"))
        .withHeader("X-Api-Key", absent())
        .withHeader("Cookie", absent())
        .withRequestBody(equalToJson("{\"model\":\"llama3.1:8b\",\"stream\":false,\"temperature\":0.2,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
    primary.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(equalToJson("{\"model\":\"qwen2.5\",\"stream\":false}", true, true)));
    assertEquals("gpt-4o-mini", body.get("model").asText(), "the caller's body is not modified");
  }

  @Test
  void should_send_no_authorization_when_no_upstream_key_is_configured() throws Exception {
    primary.stubFor(post("/v1/chat/completions").willReturn(aResponse().withBody(COMPLETION)));

    await(client(new UpstreamConfig(Optional.of(base(primary)), Optional.empty())).complete(chat("m", false)));

    primary.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", absent()));
  }

  @Test
  void should_retry_a_500_and_return_the_next_answer() throws Exception {
    primary.stubFor(post("/v1/chat/completions").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"overloaded\"}}")).willSetStateTo("ok"));
    primary.stubFor(post("/v1/chat/completions").inScenario("flaky").whenScenarioStateIs("ok")
        .willReturn(aResponse().withBody(COMPLETION)));

    UpstreamReply reply = await(client(base(primary)).complete(chat("m", false)));

    assertEquals("Hello there.", reply.body().at("/choices/0/message/content").asText());
    primary.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }

  @Test
  void should_use_the_fallback_when_the_primary_resets_before_headers() throws Exception {
    primary.stubFor(post("/v1/chat/completions").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    fallback.stubFor(post("/v1/chat/completions").willReturn(aResponse().withBody(COMPLETION)));
    UpstreamClient client = client(new UpstreamConfig(Optional.of(base(primary)), Optional.of("sk-primary"))
        .withRetries(1)
        .withFallbacks(List.of(new Endpoint(base(fallback), Optional.of("sk-fallback")))));

    UpstreamReply reply = await(client.complete(chat("m", false)));

    assertEquals("Hello there.", reply.body().at("/choices/0/message/content").asText());
    primary.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    fallback.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer sk-fallback")));
  }

  @Test
  void should_not_retry_a_4xx_and_should_surface_its_message() throws Exception {
    primary.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":{\"message\":\"Invalid value for 'temperature'\",\"type\":\"invalid_request_error\"}}")));
    fallback.stubFor(post("/v1/chat/completions").willReturn(aResponse().withBody(COMPLETION)));
    UpstreamClient client = client(new UpstreamConfig(Optional.of(base(primary)), Optional.of("sk-primary"))
        .withFallbacks(List.of(new Endpoint(base(fallback), Optional.empty()))));

    UpstreamException e = failure(client.complete(chat("m", false)));

    assertEquals(Kind.STATUS, e.kind());
    assertEquals(400, e.upstreamStatus());
    assertEquals(400, e.gatewayStatus());
    assertEquals("Invalid value for 'temperature'", e.upstreamMessage());
    primary.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    fallback.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }

  @Test
  void should_never_echo_the_upstream_key_from_an_error_message() throws Exception {
    primary.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":{\"message\":\"Incorrect API key provided: sk-upstream-key. Bearer abc123\"}}")));

    UpstreamException e = failure(client(base(primary)).complete(chat("m", false)));

    assertEquals(502, e.gatewayStatus(), "a rejected upstream key is the operator's problem");
    assertFalse(e.getMessage().contains("sk-upstream-key"), e.getMessage());
    assertFalse(e.getMessage().contains("abc123"), e.getMessage());
  }

  @Test
  void should_fail_typed_on_a_garbage_body() throws Exception {
    primary.stubFor(post("/v1/chat/completions").willReturn(aResponse().withBody("<html>502 Bad Gateway</html>")));

    assertEquals(Kind.MALFORMED, failure(client(base(primary)).complete(chat("m", false))).kind());
  }

  @Test
  void should_time_out_waiting_for_headers_and_retry() throws Exception {
    primary.stubFor(post("/v1/chat/completions").willReturn(aResponse().withFixedDelay(2_000).withBody(COMPLETION)));

    long started = System.nanoTime();
    UpstreamException e = failure(fastClient(base(primary), 1).complete(chat("m", false)));

    assertEquals(Kind.FIRST_BYTE_TIMEOUT, e.kind());
    assertEquals(504, e.gatewayStatus());
    assertTrue(System.nanoTime() - started < 1_900_000_000L, "gave up before the slow answer came");
    primary.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }

  @Test
  void should_say_clearly_that_no_upstream_is_configured() {
    UpstreamException e = failure(client(new UpstreamConfig(Optional.empty(), Optional.empty())).complete(JSON.createObjectNode()));

    assertEquals(Kind.NOT_CONFIGURED, e.kind());
    assertTrue(e.getMessage().contains("upstream.url"));
  }

  // ---- streaming

  @Test
  void should_stream_events_complete_and_in_order_when_dribbled() throws Exception {
    String[] words = new String[40];
    for (int i = 0; i < words.length; i++) {
      words[i] = "w" + i + " é🙂 ";
    }
    primary.stubFor(post("/v1/chat/completions").willReturn(aResponse()
        .withHeader("Content-Type", "text/event-stream").withBody(sse(words)).withChunkedDribbleDelay(97, 600)));

    UpstreamStream stream = await(client(base(primary)).stream(chat("m", false)));

    assertEquals(List.of(words), contents(stream));
    assertTrue(await(stream.next()).isDone(), "DONE again after the end");
    primary.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
        .withHeader("Accept", equalTo("text/event-stream"))
        .withRequestBody(equalToJson("{\"stream\":true}", true, true)));
  }

  @Test
  void should_deliver_to_a_handler_only_what_was_fetched() throws Exception {
    primary.stubFor(post("/v1/chat/completions").willReturn(aResponse()
        .withHeader("Content-Type", "text/event-stream").withBody(sse("a", "b", "c"))));
    UpstreamStream stream = await(client(base(primary)).stream(chat("m", true)));
    List<StreamEvent> received = new ArrayList<>();
    Promise<Void> ended = Promise.promise();

    stream.pause().endHandler(ended::complete).handler(received::add);
    stream.fetch(1);
    Thread.sleep(200);
    assertEquals(1, received.size(), "one fetched, one delivered");
    stream.resume();
    await(ended.future());

    assertEquals(4, received.size());
    assertTrue(received.get(3).isDone());
  }

  @Test
  void should_fail_typed_when_the_upstream_resets_mid_stream() throws Exception {
    HttpServer server = backend(request -> {
      request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
      request.response().write(sse("first").replace("data: [DONE]\n\n", ""))
          .onComplete(v -> vertx.setTimer(100, t -> request.connection().close()));
    });

    UpstreamStream stream = await(client(base(server)).stream(chat("m", true)));

    assertInstanceOf(StreamEvent.Chunk.class, await(stream.next()));
    UpstreamException e = failure(stream.next());
    assertTrue(EnumSet.of(Kind.RESET, Kind.TRUNCATED).contains(e.kind()), e.kind().toString());
  }

  @Test
  void should_fail_typed_never_hang_on_random_data() throws Exception {
    primary.stubFor(post("/v1/chat/completions").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

    UpstreamException e = failure(fastClient(base(primary), 0).stream(chat("m", true)));

    assertTrue(EnumSet.of(Kind.CONNECT, Kind.MALFORMED, Kind.RESET).contains(e.kind()), e.kind().toString());
  }

  @Test
  void should_fail_typed_on_an_event_that_is_not_json() throws Exception {
    primary.stubFor(post("/v1/chat/completions").willReturn(aResponse()
        .withHeader("Content-Type", "text/event-stream").withBody("data: {\"choices\":[]}\n\ndata: {oops\n\n")));

    UpstreamStream stream = await(client(base(primary)).stream(chat("m", true)));

    assertInstanceOf(StreamEvent.Chunk.class, await(stream.next()), "events before the bad one still arrive");
    assertEquals(Kind.MALFORMED, failure(stream.next()).kind());
  }

  @Test
  void should_surface_an_error_event_from_the_upstream() throws Exception {
    primary.stubFor(post("/v1/chat/completions").willReturn(aResponse()
        .withHeader("Content-Type", "text/event-stream").withBody("data: {\"error\":{\"message\":\"model crashed\"}}\n\n")));

    UpstreamException e = failure(await(client(base(primary)).stream(chat("m", true))).next());

    assertEquals(Kind.ERROR_EVENT, e.kind());
    assertEquals("model crashed", e.upstreamMessage());
  }

  @Test
  void should_reject_a_json_answer_to_a_stream_request() throws Exception {
    primary.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(COMPLETION)));

    assertEquals(Kind.MALFORMED, failure(client(base(primary)).stream(chat("m", true))).kind());
  }

  @Test
  void should_time_out_when_the_stream_goes_silent() throws Exception {
    HttpServer server = backend(request -> request.response().setChunked(true)
        .putHeader("Content-Type", "text/event-stream").write(sse("first").replace("data: [DONE]\n\n", "")));

    UpstreamStream stream = await(fastClient(base(server), 0).stream(chat("m", true)));

    long started = System.nanoTime();
    assertInstanceOf(StreamEvent.Chunk.class, await(stream.next()));
    assertEquals(Kind.IDLE_TIMEOUT, failure(stream.next()).kind());
    assertTrue(System.nanoTime() - started < 2_000_000_000L);
  }

  @Test
  void should_stop_a_stream_that_outlives_the_total_timeout() throws Exception {
    HttpServer server = backend(request -> {
      request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
      vertx.setPeriodic(50, id -> {
        if (request.response().closed()) {
          vertx.cancelTimer(id);
        } else {
          request.response().write("data: {\"choices\":[{\"delta\":{\"content\":\"on and on \"}}]}\n\n");
        }
      });
    });
    UpstreamClient client = client(new UpstreamConfig(Optional.of(base(server)), Optional.empty())
        .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMillis(800)));

    UpstreamStream stream = await(client.stream(chat("m", true)));
    UpstreamException e = null;
    while (e == null) {
      try {
        await(stream.next());
      } catch (UpstreamException failure) {
        e = failure;
      }
    }

    assertEquals(Kind.TOTAL_TIMEOUT, e.kind());
    assertEquals(504, e.gatewayStatus());
  }

  @Test
  void should_close_the_upstream_connection_promptly_on_cancel() throws Exception {
    Promise<Void> upstreamClosed = Promise.promise();
    HttpServer server = backend(request -> {
      request.connection().closeHandler(v -> upstreamClosed.tryComplete());
      request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
      vertx.setPeriodic(20, id -> {
        if (request.response().closed()) {
          vertx.cancelTimer(id);
        } else {
          request.response().write("data: {\"choices\":[{\"delta\":{\"content\":\"more \"}}]}\n\n");
        }
      });
    });
    UpstreamStream stream = await(client(base(server)).stream(chat("m", true)));
    assertInstanceOf(StreamEvent.Chunk.class, await(stream.next()));

    await(stream.cancel());

    upstreamClosed.future().toCompletionStage().toCompletableFuture().get(1, TimeUnit.SECONDS);
    assertEquals(Kind.CANCELLED, failure(stream.next()).kind());
  }

  @Test
  void should_pause_the_upstream_socket_while_the_reader_holds_events() throws Exception {
    Promise<Void> upstreamBlocked = Promise.promise();
    HttpServer server = backend(request -> {
      request.response().setChunked(true).putHeader("Content-Type", "text/event-stream").setWriteQueueMaxSize(16 * 1024);
      String event = "data: {\"choices\":[{\"delta\":{\"content\":\"" + "x".repeat(1000) + "\"}}]}\n\n";
      vertx.setPeriodic(1, id -> {
        while (!request.response().writeQueueFull() && !request.response().closed()) {
          request.response().write(event);
        }
        if (request.response().writeQueueFull()) {
          upstreamBlocked.tryComplete();
          vertx.cancelTimer(id);
        }
      });
    });
    UpstreamStream stream = await(client(base(server)).stream(chat("m", true)));

    // Nobody reads: the client must stop reading the socket, or the server could write forever.
    upstreamBlocked.future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertInstanceOf(StreamEvent.Chunk.class, await(stream.next()));
    await(stream.cancel());
  }

  // ---- models

  @Test
  void should_return_the_upstream_model_list() throws Exception {
    primary.stubFor(get("/v1/models").willReturn(aResponse()
        .withBody("{\"object\":\"list\",\"data\":[{\"id\":\"llama3.1:8b\",\"object\":\"model\",\"created\":1,\"owned_by\":\"me\"}]}")));

    JsonObject models = await(client(base(primary)).models());

    assertEquals("llama3.1:8b", models.getJsonArray("data").getJsonObject(0).getString("id"));
    primary.verify(getRequestedFor(urlEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer sk-upstream-key")));
  }

  @Test
  void should_fail_models_when_the_upstream_has_no_list() throws Exception {
    primary.stubFor(get("/v1/models").willReturn(aResponse().withStatus(404)));

    assertEquals(Kind.STATUS, failure(client(base(primary)).models()).kind());
  }

}
