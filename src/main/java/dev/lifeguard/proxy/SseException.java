package dev.lifeguard.proxy;

/** A {@code text/event-stream} that cannot be parsed safely: a line or event over the limit, or bytes that are not UTF-8. */
public final class SseException extends Exception {
  public SseException(String message) {
    super(message, null, false, false);
  }
}
