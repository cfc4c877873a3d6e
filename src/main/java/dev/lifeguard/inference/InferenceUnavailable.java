package dev.lifeguard.inference;

/**
 * The classifier could not assess in time: queue full, timed out, not deployed or failed. Callers
 * fail closed; the HTTP side turns this into 503 with {@code Retry-After}.
 */
public final class InferenceUnavailable extends RuntimeException {
  private final int retryAfterSeconds;

  public InferenceUnavailable(String message, int retryAfterSeconds) {
    super(message, null, false, false);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
