package dev.lifeguard.api;

import dev.lifeguard.accounts.KeyAuthenticator;
import dev.lifeguard.accounts.KeyRecord;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Bearer authentication: API keys on {@code /v1/*}, the admin token on {@code /admin/*}. */
public final class Auth {
  private static final String KEY = "lifeguard.api_key";

  private Auth() {}

  /** Requires a valid, unrevoked API key (401 otherwise), then hands the call to {@code then} (metering). */
  public static io.vertx.core.Handler<RoutingContext> apiKeys(KeyAuthenticator authenticator,
      io.vertx.core.Handler<RoutingContext> then) {
    return ctx -> {
      String token = bearer(ctx);
      if (token == null) {
        ctx.fail(ApiError.unauthorized());
        return;
      }
      authenticator.authenticate(token)
          .onSuccess(found -> {
            if (found.isEmpty()) {
              ctx.fail(ApiError.unauthorized());
            } else {
              ctx.put(KEY, found.get());
              then.handle(ctx);
            }
          })
          .onFailure(e -> ctx.fail(ApiError.serviceUnavailable("The key store is unavailable. Retry shortly.", 5)));
    };
  }

  /** Requires the configured admin token, compared in constant time. */
  public static io.vertx.core.Handler<RoutingContext> admin(String adminToken) {
    byte[] expected = adminToken.getBytes(StandardCharsets.UTF_8);
    return ctx -> {
      String token = bearer(ctx);
      if (token == null || !MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
        ctx.fail(ApiError.of(401, "Missing or invalid admin token", "invalid_admin_token"));
        return;
      }
      ctx.next();
    };
  }

  public static KeyRecord key(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  private static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
