package dev.lifeguard.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class StoresTest {
  private static PgException pg(String sqlState, String message) {
    return new PgException(message, "FATAL", sqlState, null);
  }

  @Test
  void an_unreachable_or_dying_database_is_an_outage_however_it_is_wrapped() {
    assertTrue(Stores.isOutage(new ConnectException("Connection refused")));
    assertTrue(Stores.isOutage(new CompletionException(new SocketException("Connection reset"))),
        "a reset mid-statement (DatabaseOutageIT saw it become a 500)");
    assertTrue(Stores.isOutage(ClosedConnectionException.INSTANCE));
    assertTrue(Stores.isOutage(new NoStackTraceTimeoutException("pool: no connection within the timeout")));
  }

  @Test
  void a_server_that_is_stopping_starting_or_full_is_an_outage() {
    assertTrue(Stores.isOutage(pg("57P01", "terminating connection due to administrator command")),
        "what a stopping PostgreSQL answers a statement with (DatabaseOutageIT saw it become a 500)");
    assertTrue(Stores.isOutage(new CompletionException(pg("57P03", "the database system is starting up"))));
    assertTrue(Stores.isOutage(pg("53300", "sorry, too many clients already")));
    assertTrue(Stores.isOutage(pg("08006", "connection failure")));
    assertTrue(Stores.isOutage(pg("57014", "canceling statement due to statement timeout")));
  }

  @Test
  void a_failing_query_is_not_an_outage() {
    assertFalse(Stores.isOutage(new IllegalStateException("column \"x\" does not exist")));
    assertFalse(Stores.isOutage(pg("42703", "column \"x\" does not exist")));
    assertFalse(Stores.isOutage(pg("23505", "duplicate key value violates unique constraint")));
    assertFalse(Stores.isOutage(null));
  }
}
