package dev.lifeguard.proxy;

import dev.lifeguard.proxy.UpstreamException.Kind;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP request to one upstream, with its timers: first byte (until headers), idle (between body
 * chunks, only while data is wanted) and the call's overall deadline. A timer that fires resets the
 * request, which on HTTP/1.1 closes the connection, so the upstream stops generating.
 *
 * <p>Confined to the event loop of the context that opened it.
 */
final class Exchange {
  private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

  private final Vertx vertx;
  private final HttpClientRequest request;
  private final Deadline deadline;
  private final long idleMillis;
  private HttpClientResponse response;
  private long idleTimer = -1;
  private long totalTimer = -1;
  /** Set when this side ended the exchange (timer, limit, cancel); wins over what Vert.x reports afterwards. */
  private UpstreamException abortedWith;
  private Handler<UpstreamException> abortHandler = e -> { };

  private Exchange(Vertx vertx, HttpClientRequest request, Deadline deadline, long idleMillis) {
    this.vertx = vertx;
    this.request = request;
    this.deadline = deadline;
    this.idleMillis = idleMillis;
  }

  /** Sends the request; succeeds with response headers (any status), the body not yet read and paused. */
  static Future<Exchange> open(Vertx vertx, HttpClient client, RequestOptions options, Buffer body,
      long firstByteMillis, long idleMillis, Deadline deadline) {
    if (deadline.expired()) {
      return Future.failedFuture(deadline.failure());
    }
    return client.request(options)
        .recover(e -> Future.failedFuture(UpstreamException.of(Kind.CONNECT, "cannot connect to upstream: " + describe(e))))
        .compose(request -> new Exchange(vertx, request, deadline, idleMillis).send(body, firstByteMillis));
  }

  private Future<Exchange> send(Buffer body, long firstByteMillis) {
    long wait = Math.min(firstByteMillis, deadline.remainingMillis());
    UpstreamException late = wait < firstByteMillis ? deadline.failure()
        : UpstreamException.of(Kind.FIRST_BYTE_TIMEOUT, "upstream sent no response headers within " + firstByteMillis + " ms");
    long headersTimer = vertx.setTimer(Math.max(1, wait), id -> abort(late));
    // Failures arrive through the futures below; without a handler Vert.x would also log each one as an error.
    request.exceptionHandler(e -> { });
    return (body == null ? request.send() : request.send(body))
        .andThen(ar -> vertx.cancelTimer(headersTimer))
        .recover(e -> Future.failedFuture(abortedWith != null ? abortedWith
            : UpstreamException.of(Kind.CONNECT, "upstream connection failed before response headers: " + describe(e))))
        .map(this::started);
  }

  private Exchange started(HttpClientResponse response) {
    // Paused until a reader is attached, so no body bytes are lost between here and there.
    this.response = response.pause();
    response.exceptionHandler(e -> { }); // replaced by the reader; until then failures go through abort()
    totalTimer = vertx.setTimer(Math.max(1, deadline.remainingMillis()), id -> abort(deadline.failure()));
    return this;
  }

  HttpClientResponse response() {
    return response;
  }

  int status() {
    return response.statusCode();
  }

  /** Called with the failure when this side aborts (a timer fired, a limit was hit, or {@link #abort}). */
  void onAbort(Handler<UpstreamException> handler) {
    this.abortHandler = handler;
  }

  /** (Re)starts the idle timer: call when data is wanted and whenever a chunk arrives. */
  void armIdle() {
    disarmIdle();
    idleTimer = vertx.setTimer(idleMillis, id -> abort(
        UpstreamException.of(Kind.IDLE_TIMEOUT, "upstream sent nothing for " + idleMillis + " ms")));
  }

  /** Stops the idle timer: call while the reader holds the upstream paused (the silence is ours, not theirs). */
  void disarmIdle() {
    if (idleTimer >= 0) {
      vertx.cancelTimer(idleTimer);
      idleTimer = -1;
    }
  }

  /** The response ended normally: stop every timer, the connection goes back to the pool. */
  void finish() {
    disarmIdle();
    if (totalTimer >= 0) {
      vertx.cancelTimer(totalTimer);
      totalTimer = -1;
    }
  }

  /** Ends the exchange from this side: resets the request and reports {@code cause} once. */
  Future<Void> abort(UpstreamException cause) {
    if (abortedWith != null) {
      return Future.succeededFuture();
    }
    abortedWith = cause;
    finish();
    abortHandler.handle(cause);
    return request.reset(0, cause);
  }

  /** What a failure reported by Vert.x means, given what this side did. */
  UpstreamException failure(Throwable e) {
    if (abortedWith != null) {
      return abortedWith;
    }
    return e instanceof UpstreamException u ? u : UpstreamException.of(Kind.RESET, "upstream connection failed mid-response: " + describe(e));
  }

  /** Reads the whole body, up to {@code limit} bytes; more is a {@link Kind#TOO_LARGE} failure. */
  Future<Buffer> readBody(int limit) {
    Promise<Buffer> promise = Promise.promise();
    Buffer body = Buffer.buffer();
    onAbort(promise::tryFail);
    response.exceptionHandler(e -> promise.tryFail(failure(e)));
    response.handler(chunk -> {
      armIdle();
      if (body.length() + chunk.length() > limit) {
        abort(UpstreamException.of(Kind.TOO_LARGE, "upstream body larger than " + limit + " bytes"));
      } else {
        body.appendBuffer(chunk);
      }
    });
    response.endHandler(v -> {
      finish();
      promise.tryComplete(body);
    });
    armIdle();
    response.resume();
    return promise.future();
  }

  /**
   * What went wrong, in words a client may read: no class names, hosts or ports (the upstream's
   * address is the operator's business). The full cause goes to the debug log only.
   */
  static String describe(Throwable e) {
    LOG.debug("event=upstream_io_failure cause={}", e.toString());
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (e instanceof ConnectException || message.contains("connection refused")) {
      return "connection refused";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof SSLException) {
      return "TLS failure";
    }
    if (e instanceof TimeoutException || e instanceof ConnectTimeoutException
        || message.contains("timed out")) {
      return "timed out";
    }
    if (message.contains("reset")) {
      return "connection reset";
    }
    if (e instanceof HttpClosedException || e instanceof ClosedChannelException
        || message.contains("closed")) {
      return "connection closed";
    }
    if (e instanceof DecoderException || e instanceof IllegalArgumentException) {
      return "not a valid HTTP response";
    }
    return "connection failed";
  }
}
