package dev.lifeguard.api;

import dev.lifeguard.accounts.WindowLimiter;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * The keyless demo routes ({@code /v1/try/*}) have their own small rate limit per client address,
 * reported in the same headers as keyed routes. Counted per gateway process (shared by its HTTP
 * verticles): the demo is a sampler, not a metered product.
 */
final class TryGate {
  private static final int MAX_ADDRESSES = 100_000;

  private TryGate() {}

  static WindowLimiter limiter(int perMinute) {
    return new WindowLimiter(perMinute, Duration.ofMinutes(1), MAX_ADDRESSES, System::currentTimeMillis);
  }

  static Handler<RoutingContext> handler(WindowLimiter limiter) {
    return ctx -> {
      String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
      WindowLimiter.Decision d = limiter.acquire(address);
      if (!d.allowed()) {
        ctx.fail(ApiError.rateLimited(d.limit(), d.resetEpochMillis(), d.retryAfterSeconds(System.currentTimeMillis())));
        return;
      }
      ctx.response()
          .putHeader("X-RateLimit-Limit", Integer.toString(d.limit()))
          .putHeader("X-RateLimit-Remaining", Integer.toString(d.remaining()))
          .putHeader("X-RateLimit-Reset", Long.toString(d.resetEpochMillis()));
      ctx.next();
    };
  }
}
