package dev.lifeguard.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class StoresTest {
  @Test
  void an_unreachable_or_dying_database_is_an_outage_however_it_is_wrapped() {
    assertTrue(Stores.isOutage(new ConnectException("Connection refused")));
    assertTrue(Stores.isOutage(new CompletionException(new SocketException("Connection reset"))),
        "a reset mid-statement (DatabaseOutageIT saw it become a 500)");
    assertTrue(Stores.isOutage(ClosedConnectionException.INSTANCE));
  }

  @Test
  void a_failing_query_is_not_an_outage() {
    assertFalse(Stores.isOutage(new IllegalStateException("column \"x\" does not exist")));
    assertFalse(Stores.isOutage(null));
  }
}
