package dev.lifeguard.config;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Webhook delivery: who may receive, how often a failed delivery is retried, and how much one
 * instance delivers at once.
 *
 * @param deliver               whether this instance runs the delivery worker (events are queued either way)
 * @param allowPrivateAddresses receivers on loopback, private, link-local or other internal addresses
 * @param retrySchedule         the wait before each retry; attempts = 1 + its size
 * @param timeout               one delivery, from DNS look-up to the end of the response
 * @param lease                 how long a claimed delivery is reserved for its instance; a crashed
 *                              instance's claims become due again after it
 */
public record WebhooksConfig(
    boolean deliver,
    boolean allowPrivateAddresses,
    List<Duration> retrySchedule,
    Duration timeout,
    Duration lease,
    Duration pollInterval,
    int batchSize,
    int maxConcurrent,
    int maxPerKey) {

  /** Immediately, then after 1 minute, 10 minutes and 1 hour: the compatible API's schedule. */
  public static final List<Integer> DEFAULT_RETRY_SCHEDULE_MILLIS = List.of(60_000, 600_000, 3_600_000);
  public static final int DEFAULT_TIMEOUT_MILLIS = 10_000;
  public static final int DEFAULT_LEASE_MILLIS = 60_000;
  public static final int DEFAULT_POLL_INTERVAL_MILLIS = 1_000;
  public static final int DEFAULT_BATCH_SIZE = 20;
  public static final int DEFAULT_MAX_CONCURRENT = 16;
  public static final int DEFAULT_MAX_PER_KEY = 10;
  /** A lease shorter than this beyond the timeout could expire while its delivery is still running. */
  static final int LEASE_MARGIN_MILLIS = 5_000;

  public WebhooksConfig {
    retrySchedule = List.copyOf(retrySchedule);
  }

  public int maxAttempts() {
    return retrySchedule.size() + 1;
  }

  static WebhooksConfig read(Settings s) {
    List<Duration> schedule = schedule(s);
    Duration timeout = s.millis("webhooks.timeout_millis", 100, 120_000, DEFAULT_TIMEOUT_MILLIS);
    Duration lease = s.millis("webhooks.lease_millis", 1_000, 3_600_000, DEFAULT_LEASE_MILLIS);
    if (lease.toMillis() < timeout.toMillis() + LEASE_MARGIN_MILLIS) {
      throw s.invalid("webhooks.lease_millis", IntNode.valueOf((int) lease.toMillis()),
          "must exceed webhooks.timeout_millis by at least " + LEASE_MARGIN_MILLIS + " (" + (timeout.toMillis() + LEASE_MARGIN_MILLIS) + ")");
    }
    return new WebhooksConfig(
        s.bool("webhooks.deliver", true),
        s.bool("webhooks.allow_private_addresses", false),
        schedule,
        timeout,
        lease,
        s.millis("webhooks.poll_interval_millis", 10, 60_000, DEFAULT_POLL_INTERVAL_MILLIS),
        s.intIn("webhooks.batch_size", 1, 1_000, DEFAULT_BATCH_SIZE),
        s.intIn("webhooks.max_concurrent", 1, 1_000, DEFAULT_MAX_CONCURRENT),
        s.intIn("webhooks.max_per_key", 1, 1_000, DEFAULT_MAX_PER_KEY));
  }

  private static List<Duration> schedule(Settings s) {
    String path = "webhooks.retry_schedule_millis";
    List<String> values = s.stringList(path);
    if (values.isEmpty()) {
      return DEFAULT_RETRY_SCHEDULE_MILLIS.stream().map(Duration::ofMillis).toList();
    }
    if (values.size() > 20) {
      throw s.invalid(path, null, "must list at most 20 retries");
    }
    List<Duration> schedule = new ArrayList<>();
    for (String value : values) {
      if (!value.matches("\\d{1,9}")) {
        throw s.invalid(path, TextNode.valueOf(value), "must be a list of waits in milliseconds (0 to 999999999)");
      }
      schedule.add(Duration.ofMillis(Long.parseLong(value)));
    }
    return schedule;
  }
}
