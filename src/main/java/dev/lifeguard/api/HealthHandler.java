package dev.lifeguard.api;

import dev.lifeguard.classifier.ClassifierClient;
import io.vertx.core.Future;
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
   * the load balancer instead of answering 503 to every conversation. In-process, the classifier is
   * loaded before the server listens; a gateway is ready only while an inference node answers.
   */
  public void ready(RoutingContext ctx) {
    Future<Boolean> database = pool.query("SELECT 1").execute()
        .timeout(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(true)
        .otherwise(false);
    Future<Boolean> reachable = classifier.reachable(READY_TIMEOUT_MS);
    Future.join(database, reachable).onComplete(ar -> {
      String classifierState = !reachable.result() ? "UNREACHABLE" : classifier.saturated() ? "BUSY" : "UP";
      JsonObject checks = new JsonObject()
          .put("database", database.result() ? "UP" : "DOWN")
          .put("classifier", classifierState)
          .put("classifier_in_flight", classifier.inFlight());
      if (database.result() && classifierState.equals("UP")) {
        Responses.json(ctx, 200, new JsonObject().put("status", "UP").put("checks", checks));
      } else {
        ctx.response().putHeader("Retry-After", "5");
        Responses.json(ctx, 503, new JsonObject().put("status", "DOWN").put("checks", checks));
      }
    });
  }
}
