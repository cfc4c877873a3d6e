package dev.lifeguard.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import dev.lifeguard.config.ServerConfig;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** One event-loop HTTP verticle; several instances share the listening port. */
public final class HttpVerticle extends VerticleBase {
  private final Services services;
  private final IntConsumer onListening;
  private HttpServer server;

  public HttpVerticle(Services services, IntConsumer onListening) {
    this.services = services;
    this.onListening = onListening;
  }

  @Override
  public Future<?> start() {
    ServerConfig config = services.config().server();
    HttpServerOptions options = new HttpServerOptions()
        .setIdleTimeout((int) config.idleTimeout().toSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setMaxHeaderSize(config.maxHeaderBytes())
        .setMaxInitialLineLength(8 * 1024)
        .setDecompressionSupported(false);
    HeaderDeadline headers = new HeaderDeadline(vertx, config.headerTimeout().toMillis());
    Router router = Routes.create(vertx, services);
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
        : server.shutdown(services.config().server().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
  }
}
