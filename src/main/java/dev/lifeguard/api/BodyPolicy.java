package dev.lifeguard.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;

/**
 * Rejects bodies in formats we do not read before buffering them. JSON is expected; a missing type
 * and {@code text/plain} (what a bare {@code fetch(url, {body: JSON.stringify(...)})} sends) are
 * read as JSON too.
 */
public final class BodyPolicy {
  private BodyPolicy() {}

  public static boolean hasBody(HttpMethod method) {
    return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
  }

  /** Rejects non-JSON bodies with 415, else hands the request to the size-limited body reader. */
  public static void checkContentType(RoutingContext ctx, BodyHandler bodies) {
    String type = ctx.request().getHeader("Content-Type");
    if (type != null) {
      String mime = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      boolean json = mime.equals("application/json") || mime.endsWith("+json") || mime.equals("text/plain") || mime.isEmpty();
      if (!json) {
        ctx.fail(ApiError.unsupportedMediaType(type.length() > 80 ? type.substring(0, 80) : type));
        return;
      }
    }
    bodies.handle(ctx);
  }
}
