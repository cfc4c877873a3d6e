package dev.lifeguard.proxy;

import dev.lifeguard.proxy.UpstreamException.Kind;
import java.time.Duration;

/** The end of a whole upstream call, retries and fallbacks included. */
record Deadline(long endNanos, long totalMillis) {

  static Deadline in(Duration total) {
    return new Deadline(System.nanoTime() + total.toNanos(), total.toMillis());
  }

  long remainingMillis() {
    return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000);
  }

  boolean expired() {
    return remainingMillis() == 0;
  }

  UpstreamException failure() {
    return UpstreamException.of(Kind.TOTAL_TIMEOUT, "upstream call took longer than " + totalMillis + " ms");
  }
}
