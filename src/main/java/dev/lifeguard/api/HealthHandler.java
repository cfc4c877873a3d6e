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

  /**
   * Ready when the database answers and the classifier has room: a saturated instance drops out of
   * the load balancer instead of answering 503 to every conversation. (The classifier is loaded before
   * the server listens; start-up fails without it.)
   */
  public void ready(RoutingContext ctx) {
    pool.query("SELECT 1").execute()
        .timeout(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onComplete(ar -> {
          boolean classifierReady = !classifier.saturated();
          JsonObject checks = new JsonObject()
              .put("database", ar.succeeded() ? "UP" : "DOWN")
              .put("classifier", classifierReady ? "UP" : "BUSY")
              .put("classifier_in_flight", classifier.inFlight());
          if (ar.succeeded() && classifierReady) {
            Responses.json(ctx, 200, new JsonObject().put("status", "UP").put("checks", checks));
          } else {
            ctx.response().putHeader("Retry-After", "5");
            Responses.json(ctx, 503, new JsonObject().put("status", "DOWN").put("checks", checks));
          }
        });
  }
}
