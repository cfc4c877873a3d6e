package dev.lifeguard.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeguard.webhooks.Attempt.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptTest {
  private static final List<Duration> SCHEDULE = List.of(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1));

  @Test
  void success_is_any_2xx() {
    assertEquals(Outcome.DELIVERED, Attempt.answered(200, 5).outcome(1, SCHEDULE));
    assertEquals(Outcome.DELIVERED, Attempt.answered(204, 5).outcome(4, SCHEDULE));
  }

  @Test
  void timeouts_throttling_server_errors_and_network_errors_are_retried_until_the_schedule_runs_out() {
    for (Attempt a : List.of(Attempt.answered(408, 1), Attempt.answered(429, 1), Attempt.answered(500, 1),
        Attempt.answered(503, 1), Attempt.unreachable("connection refused", 1))) {
      assertEquals(Outcome.RETRY, a.outcome(1, SCHEDULE), a::toString);
      assertEquals(Outcome.RETRY, a.outcome(3, SCHEDULE), a::toString);
      assertEquals(Outcome.FAILED, a.outcome(4, SCHEDULE), "four attempts in all: " + a);
    }
  }

  @Test
  void other_client_errors_redirects_and_forbidden_addresses_are_permanent() {
    assertEquals(Outcome.FAILED, Attempt.answered(400, 1).outcome(1, SCHEDULE));
    assertEquals(Outcome.FAILED, Attempt.answered(410, 1).outcome(1, SCHEDULE));
    assertEquals(Outcome.FAILED, Attempt.answered(301, 1).outcome(1, SCHEDULE));
    assertEquals(Outcome.FAILED, Attempt.blocked("private address", 1).outcome(1, SCHEDULE));
  }

  @Test
  void retries_wait_one_minute_then_ten_then_an_hour() {
    assertEquals(Duration.ofMinutes(1), Attempt.retryAfter(1, SCHEDULE));
    assertEquals(Duration.ofMinutes(10), Attempt.retryAfter(2, SCHEDULE));
    assertEquals(Duration.ofHours(1), Attempt.retryAfter(3, SCHEDULE));
    assertEquals(Duration.ofHours(1), Attempt.retryAfter(5, SCHEDULE), "a crash-retried extra attempt waits the longest");
  }
}
