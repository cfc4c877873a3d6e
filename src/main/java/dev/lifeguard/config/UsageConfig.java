package dev.lifeguard.config;

import java.time.Duration;

/** Usage records are kept {@code retentionDays}, then purged in bounded batches by a periodic task. */
public record UsageConfig(int retentionDays, Duration purgeInterval, int purgeBatch) {

  public static final int DEFAULT_RETENTION_DAYS = 90;
  public static final int DEFAULT_PURGE_INTERVAL_SECONDS = 3600;
  /** Small enough that one delete holds its row locks for milliseconds, not seconds. */
  public static final int DEFAULT_PURGE_BATCH = 1_000;

  public static final UsageConfig DEFAULT = new UsageConfig(DEFAULT_RETENTION_DAYS,
      Duration.ofSeconds(DEFAULT_PURGE_INTERVAL_SECONDS), DEFAULT_PURGE_BATCH);

  static UsageConfig read(Settings s) {
    return new UsageConfig(
        s.intIn("usage.retention_days", 1, 36_500, DEFAULT_RETENTION_DAYS),
        s.seconds("usage.purge_interval_seconds", 1, 7 * 24 * 3600, DEFAULT_PURGE_INTERVAL_SECONDS),
        s.intIn("usage.purge_batch", 10, 100_000, DEFAULT_PURGE_BATCH));
  }
}
