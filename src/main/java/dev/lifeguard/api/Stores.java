package dev.lifeguard.api;

import io.vertx.core.Future;

/** Database failures on the request path: the caller gets 503 and may retry; nothing was half-applied. */
final class Stores {
  static final int RETRY_AFTER_SECONDS = 5;

  private Stores() {}

  static <T> Future<T> unavailable(Throwable failure) {
    if (failure instanceof ApiError) {
      return Future.failedFuture(failure);
    }
    return Future.failedFuture(ApiError.serviceUnavailable("The database is unavailable. Retry shortly.", RETRY_AFTER_SECONDS));
  }
}
