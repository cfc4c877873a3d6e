package dev.lifeguard.api;

import dev.lifeguard.accounts.Money;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one error type of the HTTP boundary: a status, a human message naming the problem, and
 * optional extras. {@link ErrorResponder} turns it into the NOPE or OpenAI error shape.
 */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String code;
  private final String param;
  private final JsonObject extra;
  private final Map<String, String> headers;

  private ApiError(int status, String message, String code, String param, JsonObject extra, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.param = param;
    this.extra = extra;
    this.headers = headers;
  }

  public static ApiError of(int status, String message, String code) {
    return new ApiError(status, message, code, null, new JsonObject(), new LinkedHashMap<>());
  }

  public static ApiError badRequest(String message, String param) {
    return new ApiError(400, message, "invalid_request", param, new JsonObject(), new LinkedHashMap<>());
  }

  public static ApiError unauthorized() {
    return of(401, "Missing or invalid Authorization header", "invalid_api_key");
  }

  public static ApiError notFound(String message) {
    return of(404, message, "not_found");
  }

  public static ApiError payloadTooLarge(int maxBytes) {
    // The limit is in the message too: the OpenAI error shape has no field for it.
    return of(413, "Payload too large: the request body may be at most " + maxBytes + " bytes", "payload_too_large")
        .with("max_bytes", maxBytes);
  }

  public static ApiError unsupportedMediaType(String contentType) {
    return of(415, "Content-Type must be application/json (got " + contentType + ")", "unsupported_media_type");
  }

  public static ApiError serviceUnavailable(String message, int retryAfterSeconds) {
    return of(503, "service_unavailable", "service_unavailable")
        .with("message", message)
        .with("retry_after_seconds", retryAfterSeconds)
        .header("Retry-After", Integer.toString(retryAfterSeconds));
  }

  /** 429 in the fixture's shape, with {@code Retry-After} and the rate-limit headers. */
  public static ApiError rateLimited(int limit, long resetEpochMillis, long retryAfterSeconds) {
    return of(429, "rate_limit_exceeded", "rate_limit_exceeded")
        .with("message", "Rate limit exceeded. Please retry after " + retryAfterSeconds + " seconds.")
        .with("retry_after_seconds", retryAfterSeconds)
        .with("limit", limit)
        .with("remaining", 0)
        .with("reset", resetEpochMillis)
        .header("Retry-After", Long.toString(retryAfterSeconds))
        .header("X-RateLimit-Limit", Integer.toString(limit))
        .header("X-RateLimit-Remaining", "0")
        .header("X-RateLimit-Reset", Long.toString(resetEpochMillis));
  }

  /** 402 in the fixture's shape: what the call costs, what the key has, and where to top up. */
  public static ApiError insufficientBalance(long requiredMills, long currentMills, Optional<String> topupUrl) {
    String required = Money.dollars(requiredMills);
    String current = Money.dollars(currentMills);
    ApiError error = of(402, "insufficient_balance", "insufficient_balance")
        .with("message", "Insufficient balance. This call costs " + required + " but you have " + current + ".")
        .with("balance", new JsonObject().put("current_mills", currentMills).put("required_mills", requiredMills)
            .put("formatted_current", current).put("formatted_required", required))
        .header("X-Balance-Mills", Long.toString(currentMills))
        .header("X-Balance", current)
        .header("X-Cost-Mills", Long.toString(requiredMills))
        .header("X-Cost", required);
    topupUrl.ifPresent(url -> error.with("topup_url", url));
    return error;
  }

  public ApiError with(String field, Object value) {
    extra.put(field, value);
    return this;
  }

  public ApiError header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String param() {
    return param;
  }

  public JsonObject extra() {
    return extra;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
