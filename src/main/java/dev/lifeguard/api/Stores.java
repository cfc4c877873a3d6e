package dev.lifeguard.api;

import io.vertx.core.Future;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/** Database failures on the request path: the caller gets 503 and may retry; nothing was half-applied. */
final class Stores {
  static final int RETRY_AFTER_SECONDS = 5;

  private Stores() {}

  /** Whether a failure means the database could not be reached or could not serve (as opposed to a bug in a query). */
  static boolean isOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // SocketException covers a refused connect and a connection reset while a statement was in flight
      // (the database died mid-query); the upstream's socket failures arrive as UpstreamException instead.
      if (t instanceof ClosedConnectionException || t instanceof SocketException || t instanceof ClosedChannelException
          || t instanceof TimeoutException) {
        return true;
      }
      if (t instanceof DatabaseException db && db.getSqlState() != null && isUnavailableState(db.getSqlState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATEs the server sends when it cannot serve rather than when a query is wrong: connection
   * exceptions (08), too many connections and other exhausted resources (53), shutting down or
   * starting up (57P01-57P03; a stopping server answers a statement with one of these before it
   * closes the socket) and a statement cancelled by {@code database.query_timeout_millis} (57014).
   */
  static boolean isUnavailableState(String sqlState) {
    return sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57P") || sqlState.equals("57014");
  }

  static <T> Future<T> unavailable(Throwable failure) {
    if (failure instanceof ApiError) {
      return Future.failedFuture(failure);
    }
    return Future.failedFuture(ApiError.serviceUnavailable("The database is unavailable. Retry shortly.", RETRY_AFTER_SECONDS));
  }
}
