package dev.lifeguard.proxy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeguard.config.UpstreamConfig;
import dev.lifeguard.config.UpstreamConfig.Endpoint;
import dev.lifeguard.proxy.UpstreamException.Kind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to the configured OpenAI-compatible upstream (and its fallbacks). It sends only what it is
 * given plus its own {@code Authorization}: it never sees the caller's headers, so the gateway key
 * cannot leak upstream. Before the first byte, connection errors, first-byte timeouts and 5xx are
 * retried ({@code upstream.retries} per upstream, short backoff), then the next fallback is tried;
 * 4xx never is. Logs carry statuses and durations only.
 *
 * <p>Create one per verticle (it owns an {@link HttpClientAgent}) and {@link #close()} it on stop.
 */
public final class UpstreamClient {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamClient.class);

  /** A completion is a few KB; this leaves room for long answers and n > 1 without unbounded buffering. */
  public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
  /** Error bodies are read only for their message. */
  static final int MAX_ERROR_BODY_BYTES = 64 * 1024;
  static final int MAX_EVENT_BYTES = SseParser.DEFAULT_MAX_EVENT_BYTES;
  /** {@code /models} is a health check for clients such as Open WebUI: answer fast or fall back to config. */
  static final Duration MODELS_TIMEOUT = Duration.ofSeconds(5);
  static final long BACKOFF_MILLIS = 100;

  private final Vertx vertx;
  private final UpstreamConfig config;
  private final HttpClientAgent http;
  private final ObjectMapper json = new ObjectMapper();

  public UpstreamClient(Vertx vertx, UpstreamConfig config) {
    this.vertx = vertx;
    this.config = config;
    this.http = vertx.httpClientBuilder()
        .with(new HttpClientOptions()
            .setName("lifeguard-upstream")
            .setKeepAlive(true)
            .setConnectTimeout((int) config.connectTimeout().toMillis())
            .setForceSni(true))
        .with(new PoolOptions().setHttp1MaxSize(config.maxConnections()))
        .build();
  }

  public UpstreamConfig config() {
    return config;
  }

  public boolean configured() {
    return config.configured();
  }

  /** A non-streaming chat completion: {@code stream} is forced to false, {@code model} mapped. */
  public Future<UpstreamReply> complete(ObjectNode body) {
    Buffer payload = payload(body, false);
    return onContext(() -> call(HttpMethod.POST, "/chat/completions", payload, false, Deadline.in(config.totalTimeout()),
        config.firstByteTimeout())
        .compose(exchange -> exchange.readBody(MAX_BODY_BYTES).compose(bytes -> {
          ObjectNode reply = parseObject(bytes);
          return reply == null
              ? Future.failedFuture(UpstreamException.of(Kind.MALFORMED, "upstream answer is not a JSON object"))
              : Future.succeededFuture(new UpstreamReply(exchange.status(), reply));
        })));
  }

  /**
   * A streaming chat completion: {@code stream} is forced to true, {@code model} mapped. Succeeds
   * once 2xx response headers arrived; retries and fallbacks happen only before that.
   */
  public Future<UpstreamStream> stream(ObjectNode body) {
    Buffer payload = payload(body, true);
    return onContext(() -> call(HttpMethod.POST, "/chat/completions", payload, true, Deadline.in(config.totalTimeout()),
        config.firstByteTimeout())
        .compose(exchange -> {
          String type = exchange.response().getHeader("Content-Type");
          if (type != null && !type.toLowerCase().contains("text/event-stream")) {
            UpstreamException notAStream = UpstreamException.of(Kind.MALFORMED, "upstream answered a stream request with " + type);
            exchange.abort(notAStream);
            return Future.failedFuture(notAStream);
          }
          return Future.succeededFuture(new UpstreamStream(exchange, json, MAX_EVENT_BYTES));
        }));
  }

  /** The upstream's {@code GET /models} answer (an OpenAI list), with a short timeout. */
  public Future<JsonObject> models() {
    return onContext(() -> call(HttpMethod.GET, "/models", null, false, Deadline.in(MODELS_TIMEOUT), MODELS_TIMEOUT)
        .compose(exchange -> exchange.readBody(MAX_BODY_BYTES))
        .compose(bytes -> {
          try {
            JsonObject list = bytes.toJsonObject();
            if (list != null && list.getValue("data") instanceof io.vertx.core.json.JsonArray) {
              return Future.succeededFuture(list);
            }
          } catch (DecodeException | ClassCastException e) {
            // falls through to the failure below
          }
          return Future.failedFuture(UpstreamException.of(Kind.MALFORMED, "upstream /models is not an OpenAI model list"));
        }));
  }

  public Future<Void> close() {
    return http.close();
  }

  // ---- request body

  /** A copy of the caller's body with the upstream model and the stream flag set; the caller's stays untouched. */
  Buffer payload(ObjectNode body, boolean stream) {
    ObjectNode copy = body.deepCopy();
    JsonNode requested = copy.get("model");
    Optional<String> model = config.upstreamModel(requested != null && requested.isTextual() && !requested.asText().isBlank()
        ? Optional.of(requested.asText()) : Optional.empty());
    model.ifPresentOrElse(m -> copy.put("model", m), () -> copy.remove("model"));
    copy.put("stream", stream);
    try {
      return Buffer.buffer(json.writeValueAsBytes(copy));
    } catch (JacksonException e) {
      throw new IllegalArgumentException("request body cannot be serialised", e);
    }
  }

  // ---- attempts, retries, fallbacks

  private Future<Exchange> call(HttpMethod method, String path, Buffer body, boolean stream, Deadline deadline, Duration firstByte) {
    List<Endpoint> endpoints = config.endpoints();
    if (endpoints.isEmpty()) {
      return Future.failedFuture(UpstreamException.of(Kind.NOT_CONFIGURED, "no upstream LLM is configured (set upstream.url)"));
    }
    return attempt(new Call(method, path, body, stream, deadline, firstByte, endpoints), 0, 0);
  }

  private record Call(HttpMethod method, String path, Buffer body, boolean stream, Deadline deadline, Duration firstByte,
      List<Endpoint> endpoints) {}

  private Future<Exchange> attempt(Call call, int endpointIndex, int retry) {
    Endpoint endpoint = call.endpoints().get(endpointIndex);
    long started = System.nanoTime();
    return Exchange.open(vertx, http, options(call, endpoint), call.body(), call.firstByte().toMillis(),
            config.idleTimeout().toMillis(), call.deadline())
        .compose(exchange -> exchange.status() / 100 == 2 ? Future.succeededFuture(exchange) : statusFailure(exchange, endpoint))
        .andThen(ar -> log(call, endpoint, endpointIndex, retry, started, ar.succeeded() ? null : ar.cause(),
            ar.succeeded() ? ar.result().status() : 0))
        .recover(e -> {
          UpstreamException failure = e instanceof UpstreamException u ? u : UpstreamException.of(Kind.CONNECT, Exchange.describe(e));
          if (!failure.retryable() || call.deadline().expired()) {
            return Future.failedFuture(failure);
          }
          // An upstream that said how long to wait is not asked again at once; a fallback still is.
          if (retry < config.retries() && failure.retryAfterSeconds().isEmpty()) {
            long backoff = Math.min(BACKOFF_MILLIS << retry, call.deadline().remainingMillis());
            return vertx.timer(Math.max(1, backoff)).compose(v -> attempt(call, endpointIndex, retry + 1));
          }
          if (endpointIndex + 1 < call.endpoints().size()) {
            return attempt(call, endpointIndex + 1, 0);
          }
          return Future.failedFuture(failure);
        });
  }

  private RequestOptions options(Call call, Endpoint endpoint) {
    String base = endpoint.url().toString().replaceAll("/+$", "");
    RequestOptions options = new RequestOptions()
        .setMethod(call.method())
        .setAbsoluteURI(base + call.path())
        .setConnectTimeout(config.connectTimeout().toMillis())
        .putHeader("Accept", call.stream() ? "text/event-stream" : "application/json")
        .putHeader("User-Agent", "Lifeguard");
    if (call.body() != null) {
      options.putHeader("Content-Type", "application/json");
    }
    endpoint.apiKey().ifPresent(key -> options.putHeader("Authorization", "Bearer " + key));
    return options;
  }

  /** Reads (a bounded part of) a non-2xx answer for its message, then fails with the status. */
  private Future<Exchange> statusFailure(Exchange exchange, Endpoint endpoint) {
    int status = exchange.status();
    OptionalInt retryAfter = UpstreamException.retryAfter(exchange.response().getHeader("Retry-After"), Instant.now());
    return exchange.readBody(MAX_ERROR_BODY_BYTES)
        .map(bytes -> errorMessage(bytes, endpoint))
        .otherwise((String) null)
        .compose(message -> Future.failedFuture(UpstreamException.status(status, message, retryAfter)));
  }

  /** OpenAI's {@code {"error":{"message"}}}, or the common variants; the endpoint's own key is cut out. */
  private String errorMessage(Buffer bytes, Endpoint endpoint) {
    ObjectNode body = parseObject(bytes);
    if (body == null) {
      return null;
    }
    JsonNode error = body.get("error");
    String message = error == null ? body.path("message").asText(body.path("detail").asText(null))
        : error.isObject() ? error.path("message").asText(null) : error.asText(null);
    if (message != null && endpoint.apiKey().isPresent()) {
      message = message.replace(endpoint.apiKey().get(), "(redacted)");
    }
    return message;
  }

  private ObjectNode parseObject(Buffer bytes) {
    try {
      return json.readTree(bytes.getBytes()) instanceof ObjectNode object ? object : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private void log(Call call, Endpoint endpoint, int endpointIndex, int retry, long startedNanos, Throwable failure, int status) {
    long millis = (System.nanoTime() - startedNanos) / 1_000_000;
    String host = endpoint.url().getHost() + ":" + endpoint.url().getPort();
    if (failure == null) {
      LOG.debug("event=upstream_headers path={} upstream={} endpoint={} attempt={} status={} millis={}",
          call.path(), host, endpointIndex, retry + 1, status, millis);
    } else if (failure instanceof UpstreamException u) {
      LOG.info("event=upstream_failed path={} upstream={} endpoint={} attempt={} kind={} status={} millis={}",
          call.path(), host, endpointIndex, retry + 1, u.kind(), u.upstreamStatus(), millis);
    }
  }

  /**
   * Runs the call on one context, so the request, its timers and the stream's callbacks share one
   * event loop even when invoked from a non-Vert.x thread (tests, tools).
   */
  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Context context = vertx.getOrCreateContext();
    if (Vertx.currentContext() == context) {
      return action.get();
    }
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }
}
