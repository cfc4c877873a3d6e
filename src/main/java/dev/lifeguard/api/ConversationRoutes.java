package dev.lifeguard.api;

import dev.lifeguard.api.ConversationRequest.Dialect;
import io.vertx.ext.web.RoutingContext;

/**
 * The conversation routes (evaluate, screen, ocular, safe). Requests are validated in full here;
 * until a classifier is deployed they fail closed with 503 and {@code Retry-After}, as the design
 * requires whenever the classifier is unavailable.
 */
public final class ConversationRoutes {
  static final int RETRY_AFTER_SECONDS = 5;
  private final Services services;

  public ConversationRoutes(Services services) {
    this.services = services;
  }

  public void nope(RoutingContext ctx) {
    parse(ctx, Dialect.NOPE);
    ctx.fail(classifierUnavailable());
  }

  public void openAi(RoutingContext ctx) {
    parse(ctx, Dialect.OPENAI);
    ctx.fail(classifierUnavailable());
  }

  ConversationRequest parse(RoutingContext ctx, Dialect dialect) {
    return ConversationRequest.parse(services.json().parseObject(ctx.body().buffer()), services.config().limits(), dialect);
  }

  static ApiError classifierUnavailable() {
    return ApiError.serviceUnavailable("The risk classifier is not available. Retry shortly.", RETRY_AFTER_SECONDS);
  }
}
