package dev.lifeguard.api;

import dev.lifeguard.inference.InferenceUnavailable;
import dev.lifeguard.proxy.UpstreamException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become HTTP responses. Never a stack trace, never a 500 for bad input. */
public final class ErrorResponder {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

  private ErrorResponder() {}

  /** Failure handler for every route. */
  public static void handle(RoutingContext ctx) {
    send(ctx, toApiError(ctx));
  }

  public static void send(RoutingContext ctx, ApiError error) {
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      // Too late for a status: the body is under way (a stream). Closing tells the client it is incomplete.
      if (!response.ended()) {
        response.reset();
      }
      return;
    }
    error.headers().forEach(response::putHeader);
    JsonObject body = ErrorStyle.forPath(ctx.request().path()) == ErrorStyle.OPENAI ? openAi(error) : nope(error);
    response.setStatusCode(error.status())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  static ApiError toApiError(RoutingContext ctx) {
    return toApiError(ctx.failure(), ctx);
  }

  /** The answer a failure of this request becomes (unknown failures are logged here, once). */
  static ApiError toApiError(Throwable failure, RoutingContext ctx) {
    if (failure instanceof ApiError api) {
      return api;
    }
    if (failure instanceof InferenceUnavailable down) {
      // Fail closed: nothing was assessed, so nothing is released; the caller may retry.
      return ApiError.serviceUnavailable(down.getMessage(), down.retryAfterSeconds());
    }
    if (failure instanceof UpstreamException upstream) {
      // The upstream's own (sanitised) message, under the status a client can act on (429 stays 429).
      ApiError error = ApiError.of(upstream.gatewayStatus(), "The upstream model failed: " + upstream.getMessage(), "upstream_error");
      int wait = upstream.retryAfterSeconds().orElse(Stores.RETRY_AFTER_SECONDS);
      return upstream.gatewayStatus() == 503 || upstream.gatewayStatus() == 429
          ? error.header("Retry-After", Integer.toString(wait)) : error;
    }
    if (Stores.isOutage(failure)) {
      // Any route that reached the database while it was down: retryable, never a 500.
      return ApiError.serviceUnavailable("The database is unavailable. Retry shortly.", Stores.RETRY_AFTER_SECONDS);
    }
    int status = ctx.statusCode();
    if (failure == null || status >= 400 && status < 500) {
      return forStatus(status < 0 ? 500 : status, ctx);
    }
    LOG.error("event=unhandled_error request_id={} route={} error={}", RequestIds.of(ctx), ctx.request().path(), failure.toString(), failure);
    return ApiError.of(500, "Internal server error", "internal_error").with("request_id", RequestIds.of(ctx));
  }

  private static ApiError forStatus(int status, RoutingContext ctx) {
    return switch (status) {
      case 404 -> ApiError.notFound("Not found: " + ctx.request().method() + " " + ctx.request().path());
      case 405 -> ApiError.of(405, "Method " + ctx.request().method() + " is not allowed on " + ctx.request().path(), "method_not_allowed");
      case 413 -> ApiError.payloadTooLarge(Routes.limits(ctx).maxBodyBytes());
      case 415 -> ApiError.unsupportedMediaType(String.valueOf(ctx.request().getHeader("Content-Type")));
      case 400 -> ApiError.badRequest("Bad request", null);
      case 431 -> ApiError.of(431, "Request headers too large", "headers_too_large");
      default -> status >= 500
          ? ApiError.of(500, "Internal server error", "internal_error").with("request_id", RequestIds.of(ctx))
          : ApiError.of(status, "Request rejected", "rejected");
    };
  }

  private static JsonObject nope(ApiError error) {
    JsonObject body = new JsonObject().put("error", error.getMessage());
    error.extra().forEach(e -> body.put(e.getKey(), e.getValue()));
    return body;
  }

  private static JsonObject openAi(ApiError error) {
    JsonObject inner = new JsonObject()
        .put("message", error.extra().containsKey("message") ? error.extra().getString("message") : error.getMessage())
        .put("type", openAiType(error.status()))
        .put("code", error.code())
        .put("param", error.param());
    return new JsonObject().put("error", inner);
  }

  private static String openAiType(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 429 -> "rate_limit_error";
      case 503 -> "service_unavailable";
      default -> status >= 500 ? "server_error" : "invalid_request_error";
    };
  }
}
