package dev.lifeguard.api;

import dev.lifeguard.classifier.ClassifierClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;

/** Liveness (the process serves) and readiness (its dependencies answer). */
public final class HealthHandler {
  private static final long READY_TIMEOUT_MS = 2_000;
  private final Pool pool;
  private final ClassifierClient classifier;

  public HealthHandler(Pool pool, ClassifierClient classifier) {
    this.pool = pool;
    this.classifier = classifier;
  }

  public void live(RoutingContext ctx) {
    Responses.json(ctx, 200, new JsonObject().put("status", "UP"));
  }

  public void ready(RoutingContext ctx) {
    pool.query("SELECT 1").execute()
        .timeout(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onComplete(ar -> {
          // The classifier is loaded before the server listens; readiness reports how busy it is.
          JsonObject checks = new JsonObject().put("database", ar.succeeded() ? "UP" : "DOWN")
              .put("classifier", "UP").put("classifier_in_flight", classifier.inFlight());
          if (ar.succeeded()) {
            Responses.json(ctx, 200, new JsonObject().put("status", "UP").put("checks", checks));
          } else {
            ctx.response().putHeader("Retry-After", "5");
            Responses.json(ctx, 503, new JsonObject().put("status", "DOWN").put("checks", checks));
          }
        });
  }
}
