package dev.lifeguard.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import java.util.HashMap;
import java.util.Map;

/**
 * Closes a new connection whose first request line and headers have not all arrived by the deadline
 * (slow-loris). The idle timeout alone is reset by every byte, so a client sending one header byte a
 * second would hold a connection forever. One instance per HTTP verticle: used on its event loop only.
 */
final class HeaderDeadline {
  private final Vertx vertx;
  private final long millis;
  private final Map<HttpConnection, Long> timers = new HashMap<>();

  HeaderDeadline(Vertx vertx, long millis) {
    this.vertx = vertx;
    this.millis = millis;
  }

  void connected(HttpConnection connection) {
    timers.put(connection, vertx.setTimer(millis, id -> {
      timers.remove(connection);
      connection.close();
    }));
    connection.closeHandler(v -> requestArrived(connection));
  }

  /** The headers are in: from here the idle timeout and the request's own limits apply. */
  void requestArrived(HttpConnection connection) {
    Long timer = timers.remove(connection);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }
}
