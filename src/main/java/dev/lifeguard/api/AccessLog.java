package dev.lifeguard.api;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per request: method, path, status, time, request id. Never bodies, query strings or keys. */
public final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger("lifeguard.access");

  private AccessLog() {}

  public static void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addBodyEndHandler(v -> {
      if (LOG.isInfoEnabled()) {
        LOG.info("event=http method={} path={} status={} ms={} request_id={}",
            ctx.request().method(), ctx.request().path(), ctx.response().getStatusCode(),
            (System.nanoTime() - start) / 1_000_000, RequestIds.of(ctx));
      }
    });
    ctx.next();
  }
}
