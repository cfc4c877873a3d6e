package dev.lifeguard.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A fixed-window request counter per caller (client address for the keyless demo routes), held in
 * memory and bounded: at most {@code maxCallers} windows are kept, the oldest evicted first.
 */
public final class WindowLimiter {
  /** What one request was allowed, with what the rate-limit headers report. */
  public record Decision(boolean allowed, int limit, int remaining, long resetEpochMillis) {
    public long retryAfterSeconds(long nowMillis) {
      return Math.max(1, (resetEpochMillis - nowMillis + 999) / 1000);
    }
  }

  private record Window(long start, AtomicInteger count) {}

  private final int limit;
  private final long windowMillis;
  private final LongSupplier clock;
  private final Cache<String, Window> windows;

  public WindowLimiter(int limit, Duration window, int maxCallers, LongSupplier clock) {
    this.limit = limit;
    this.windowMillis = window.toMillis();
    this.clock = clock;
    this.windows = Caffeine.newBuilder().maximumSize(maxCallers).expireAfterWrite(window.multipliedBy(2)).build();
  }

  public Decision acquire(String caller) {
    long now = clock.getAsLong();
    long start = now - now % windowMillis;
    Window w = windows.asMap().compute(caller, (k, old) -> old != null && old.start() == start ? old
        : new Window(start, new AtomicInteger()));
    int used = w.count().incrementAndGet();
    return new Decision(used <= limit, limit, Math.max(0, limit - used), start + windowMillis);
  }
}
