package dev.lifeguard.proxy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeguard.proxy.UpstreamException.Kind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A streaming chat completion from the upstream, as parsed events. Read it either way:
 * <ul>
 *   <li>pull: {@link #next()} returns the next event ({@link StreamEvent#DONE} last, and again after);</li>
 *   <li>push: as a Vert.x {@link ReadStream} — {@link #handler}, {@link #pause}, {@link #resume},
 *       {@link #fetch}; {@code DONE} is delivered to the handler, then the end handler runs.</li>
 * </ul>
 * A failure (reset, timeout, bad event, upstream error event) is an {@link UpstreamException}: it
 * fails the pending {@code next()} or goes to the exception handler, after the events that arrived
 * before it. It is never silent: a stream always ends with {@code DONE} or a failure.
 *
 * <p>Backpressure: at most {@value #HIGH_WATER_EVENTS} events (or {@value #HIGH_WATER_CHARS} chars)
 * wait here; beyond that the upstream socket is paused until the reader catches up. While it is
 * paused the idle timeout does not run. {@link #cancel()} resets the upstream request at once.
 *
 * <p>Confined to the event loop it was opened on; calls from other threads are moved there.
 */
public final class UpstreamStream implements ReadStream<StreamEvent> {
  static final int HIGH_WATER_EVENTS = 64;
  static final int HIGH_WATER_CHARS = 256 * 1024;

  private final Exchange exchange;
  private final HttpClientResponse response;
  private final Context context;
  private final ObjectMapper json;
  private final SseParser parser;
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();
  private long queuedChars;

  private record Queued(StreamEvent event, int chars) {}

  private long demand = Long.MAX_VALUE;
  private Handler<StreamEvent> handler;
  private Handler<Throwable> exceptionHandler;
  private Handler<Void> endHandler;
  private Promise<StreamEvent> pending;

  private boolean doneReceived;
  private UpstreamException failure;
  /** DONE or the failure has been handed to the reader (or the reader cancelled): nothing more is delivered. */
  private boolean finished;
  private boolean socketPaused;
  private boolean delivering;

  UpstreamStream(Exchange exchange, ObjectMapper json, int maxEventBytes) {
    this.exchange = exchange;
    this.response = exchange.response();
    this.context = Vertx.currentContext();
    this.json = json;
    this.parser = new SseParser(maxEventBytes);
    exchange.onAbort(this::fail);
    response.handler(this::onBytes);
    response.exceptionHandler(e -> fail(exchange.failure(e)));
    response.endHandler(v -> onEnd());
    exchange.armIdle();
    response.resume();
  }

  /** The upstream's HTTP status (2xx: others never become a stream). */
  public int status() {
    return response.statusCode();
  }

  /** The next event; fails with {@link UpstreamException} if the stream failed or was cancelled. Pull mode only. */
  public Future<StreamEvent> next() {
    Promise<StreamEvent> promise = Promise.promise();
    onContext(() -> {
      if (handler != null) {
        promise.fail(new IllegalStateException("next() cannot be used while a handler is set"));
      } else if (pending != null) {
        promise.fail(new IllegalStateException("next() called again before the previous event arrived"));
      } else if (finished) {
        if (failure != null) {
          promise.fail(failure);
        } else {
          promise.complete(StreamEvent.DONE);
        }
      } else {
        pending = promise;
        deliver();
      }
    });
    return promise.future();
  }

  /**
   * Stops the upstream: resets its request (closing the connection) and drops what is buffered. A
   * waiting {@code next()} fails with {@link Kind#CANCELLED}; no handler is called afterwards.
   */
  public Future<Void> cancel() {
    Promise<Void> promise = Promise.promise();
    onContext(() -> {
      if (finished && failure == null) {
        promise.complete();
        return;
      }
      UpstreamException cancelled = UpstreamException.of(Kind.CANCELLED, "stream cancelled by the gateway");
      finished = true;
      failure = failure == null ? cancelled : failure;
      queue.clear();
      queuedChars = 0;
      if (pending != null) {
        Promise<StreamEvent> waiting = pending;
        pending = null;
        waiting.fail(cancelled);
      }
      // The reset may find the request already complete (DONE arrived, not yet read): still cancelled.
      exchange.abort(cancelled).onComplete(ar -> promise.complete());
    });
    return promise.future();
  }

  @Override
  public UpstreamStream handler(Handler<StreamEvent> handler) {
    onContext(() -> {
      this.handler = handler;
      deliver();
    });
    return this;
  }

  @Override
  public UpstreamStream exceptionHandler(Handler<Throwable> handler) {
    onContext(() -> this.exceptionHandler = handler);
    return this;
  }

  @Override
  public UpstreamStream endHandler(Handler<Void> handler) {
    onContext(() -> this.endHandler = handler);
    return this;
  }

  @Override
  public UpstreamStream pause() {
    onContext(() -> demand = 0);
    return this;
  }

  @Override
  public UpstreamStream resume() {
    return fetch(Long.MAX_VALUE);
  }

  @Override
  public UpstreamStream fetch(long amount) {
    onContext(() -> {
      demand = amount == Long.MAX_VALUE || demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
      deliver();
    });
    return this;
  }

  // ---- upstream side

  private void onBytes(Buffer chunk) {
    if (doneReceived || failure != null) {
      return;
    }
    exchange.armIdle();
    try {
      List<SseEvent> events = parser.feed(chunk);
      for (SseEvent event : events) {
        accept(event);
        if (doneReceived || failure != null) {
          break;
        }
      }
    } catch (SseException e) {
      fail(UpstreamException.of(Kind.MALFORMED, "upstream event stream is malformed: " + e.getMessage()));
    }
    deliver();
  }

  private void accept(SseEvent event) {
    if (event.data().equals("[DONE]")) {
      doneReceived = true;
      exchange.disarmIdle();
      queue.add(new Queued(StreamEvent.DONE, 0));
      return;
    }
    JsonNode node;
    try {
      node = json.readTree(event.data());
    } catch (JacksonException e) {
      fail(UpstreamException.of(Kind.MALFORMED, "upstream sent an event that is not JSON"));
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      fail(UpstreamException.of(Kind.MALFORMED, "upstream sent an event that is not a JSON object"));
    } else if (object.has("error") && !object.has("choices")) {
      JsonNode error = object.get("error");
      fail(UpstreamException.errorEvent(error.isObject() ? error.path("message").asText(null) : error.asText(null)));
    } else {
      queue.add(new Queued(new StreamEvent.Chunk(object), event.data().length()));
      queuedChars += event.data().length();
    }
  }

  private void onEnd() {
    exchange.finish();
    if (!doneReceived) {
      fail(UpstreamException.of(Kind.TRUNCATED, "upstream stream ended before [DONE]"));
    }
  }

  /** Records the first failure and stops the upstream; queued events are still delivered first. */
  private void fail(UpstreamException e) {
    if (failure != null || doneReceived) {
      return;
    }
    failure = e;
    exchange.abort(e);
    deliver();
  }

  // ---- reader side

  private void deliver() {
    if (delivering) {
      return; // a handler called fetch()/next(); the loop below picks it up
    }
    delivering = true;
    try {
      while (!finished && deliverOne()) {
        // keep going while the reader wants more
      }
    } finally {
      delivering = false;
    }
    updateSocket();
  }

  private boolean deliverOne() {
    if (queue.isEmpty()) {
      return failure != null && deliverFailure();
    }
    if (pending == null && (handler == null || demand == 0)) {
      return false;
    }
    Queued queued = queue.poll();
    queuedChars -= queued.chars();
    StreamEvent event = queued.event();
    finished = event.isDone();
    if (pending != null) {
      Promise<StreamEvent> waiting = pending;
      pending = null;
      waiting.complete(event);
    } else {
      if (demand != Long.MAX_VALUE) {
        demand--;
      }
      handler.handle(event);
      if (finished && endHandler != null) {
        endHandler.handle(null);
      }
    }
    return true;
  }

  private boolean deliverFailure() {
    if (pending != null) {
      finished = true;
      Promise<StreamEvent> waiting = pending;
      pending = null;
      waiting.fail(failure);
      return false;
    }
    if (handler != null || exceptionHandler != null) {
      // A push reader without an exception handler is told nothing more; set one to learn why it stopped.
      finished = true;
      if (exceptionHandler != null) {
        exceptionHandler.handle(failure);
      }
    }
    return false;
  }

  /** Pauses the socket while the queue is over its high-water mark, resumes it once the reader drained it. */
  private void updateSocket() {
    if (doneReceived || failure != null) {
      return;
    }
    boolean full = queue.size() >= HIGH_WATER_EVENTS || queuedChars >= HIGH_WATER_CHARS;
    if (full && !socketPaused) {
      socketPaused = true;
      exchange.disarmIdle();
      response.pause();
    } else if (!full && socketPaused && queue.size() <= HIGH_WATER_EVENTS / 4) {
      socketPaused = false;
      exchange.armIdle();
      response.resume();
    }
  }

  private void onContext(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }
}
