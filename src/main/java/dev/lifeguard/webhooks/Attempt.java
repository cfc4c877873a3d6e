package dev.lifeguard.webhooks;

import java.time.Duration;
import java.util.List;

/**
 * What one delivery attempt came to, and what happens next: 2xx is delivered; 408, 429, 5xx,
 * timeouts and network errors are retried on the schedule; any other answer (4xx, a redirect, which
 * is never followed) and a receiver on a forbidden address are permanent.
 *
 * @param httpStatus the receiver's status, when it answered
 * @param error      a short reason for anything but 2xx; never a body
 */
record Attempt(Integer httpStatus, String error, boolean retryable, long durationMillis) {
  private static final int MAX_ERROR_LENGTH = 300;

  enum Outcome { DELIVERED, RETRY, FAILED }

  static Attempt answered(int status, long durationMillis) {
    boolean ok = status >= 200 && status < 300;
    boolean retryable = status == 408 || status == 429 || status >= 500;
    String error = ok ? null : status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
    return new Attempt(status, error, retryable, durationMillis);
  }

  static Attempt unreachable(String error, long durationMillis) {
    return new Attempt(null, clip(error), true, durationMillis);
  }

  static Attempt blocked(String error, long durationMillis) {
    return new Attempt(null, clip(error), false, durationMillis);
  }

  boolean delivered() {
    return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
  }

  Outcome outcome(int attempt, List<Duration> retrySchedule) {
    if (delivered()) {
      return Outcome.DELIVERED;
    }
    return retryable && attempt <= retrySchedule.size() ? Outcome.RETRY : Outcome.FAILED;
  }

  /** The wait before the next attempt, after attempt number {@code attempt} failed. */
  static Duration retryAfter(int attempt, List<Duration> retrySchedule) {
    return retrySchedule.get(Math.min(attempt, retrySchedule.size()) - 1);
  }

  private static String clip(String error) {
    String text = error == null ? "unknown error" : error.replaceAll("[\\r\\n]+", " ");
    return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) + "…" : text;
  }
}
