package dev.lifeguard.api;

import io.vertx.core.Future;

/** Database failures on the request path: the caller gets 503 and may retry; nothing was half-applied. */
final class Stores {
  static final int RETRY_AFTER_SECONDS = 5;

  private Stores() {}

  /** Whether a failure means the database could not be reached (as opposed to a bug in a query). */
  static boolean isOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // SocketException covers a refused connect and a connection reset while a statement was in flight
      // (the database died mid-query); the upstream's socket failures arrive as UpstreamException instead.
      if (t instanceof io.vertx.sqlclient.ClosedConnectionException || t instanceof java.net.SocketException
          || t instanceof java.nio.channels.ClosedChannelException) {
        return true;
      }
    }
    return false;
  }

  static <T> Future<T> unavailable(Throwable failure) {
    if (failure instanceof ApiError) {
      return Future.failedFuture(failure);
    }
    return Future.failedFuture(ApiError.serviceUnavailable("The database is unavailable. Retry shortly.", RETRY_AFTER_SECONDS));
  }
}
