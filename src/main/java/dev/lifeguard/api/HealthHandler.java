package dev.lifeguard.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;

/** Liveness (the process serves) and readiness (its dependencies answer). */
public final class HealthHandler {
  private static final long READY_TIMEOUT_MS = 2_000;
  private final Pool pool;

  public HealthHandler(Pool pool) {
    this.pool = pool;
  }

  public void live(RoutingContext ctx) {
    Responses.json(ctx, 200, new JsonObject().put("status", "UP"));
  }

  public void ready(RoutingContext ctx) {
    pool.query("SELECT 1").execute()
        .timeout(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onComplete(ar -> {
          JsonObject checks = new JsonObject().put("database", ar.succeeded() ? "UP" : "DOWN");
          if (ar.succeeded()) {
            Responses.json(ctx, 200, new JsonObject().put("status", "UP").put("checks", checks));
          } else {
            ctx.response().putHeader("Retry-After", "5");
            Responses.json(ctx, 503, new JsonObject().put("status", "DOWN").put("checks", checks));
          }
        });
  }
}
