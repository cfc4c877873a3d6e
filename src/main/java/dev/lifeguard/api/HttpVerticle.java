package dev.lifeguard.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import dev.lifeguard.config.ServerConfig;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;

/** One event-loop HTTP verticle; several instances share the listening port. */
public final class HttpVerticle extends VerticleBase {
  private final ServerConfig config;
  private final Function<Vertx, Router> routes;
  private final IntConsumer onListening;
  private HttpServer server;

  /** The whole API ({@code --role all} and {@code gateway}). */
  public HttpVerticle(Services services, IntConsumer onListening) {
    this(services.config().server(), vertx -> Routes.create(vertx, services), onListening);
  }

  /** A listener with other routes (an inference node's health and metrics). */
  public HttpVerticle(ServerConfig config, Function<Vertx, Router> routes, IntConsumer onListening) {
    this.config = config;
    this.routes = routes;
    this.onListening = onListening;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions()
        .setIdleTimeout((int) config.idleTimeout().toSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setMaxHeaderSize(config.maxHeaderBytes())
        .setMaxInitialLineLength(8 * 1024)
        .setDecompressionSupported(false);
    HeaderDeadline headers = new HeaderDeadline(vertx, config.headerTimeout().toMillis());
    Router router = routes.apply(vertx);
    server = vertx.createHttpServer(options)
        .connectionHandler(headers::connected)
        .requestHandler(request -> {
          headers.requestArrived(request.connection());
          router.handle(request);
        });
    return server.listen(config.port(), config.host()).onSuccess(s -> onListening.accept(s.actualPort()));
  }

  /** Stops accepting, lets in-flight requests finish within the grace period, then closes. */
  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture()
        : server.shutdown(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
  }
}
