package dev.lifeguard.proxy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The one failure type of the upstream boundary. {@link #kind()} says what went wrong and so what the
 * caller can do; {@link #gatewayStatus()} is the HTTP status the gateway should answer with. The
 * message never contains a request or response body other than the upstream's own (sanitised) error
 * message, and never a key.
 */
public final class UpstreamException extends RuntimeException {

  public enum Kind {
    /** No upstream URL is configured. */
    NOT_CONFIGURED,
    /** Connection refused, timed out or closed before response headers. Retryable. */
    CONNECT,
    /** No response headers within {@code first_byte_timeout_millis}. Retryable. */
    FIRST_BYTE_TIMEOUT,
    /** The upstream answered with a non-2xx status ({@link #upstreamStatus()}). Retryable when 5xx. */
    STATUS,
    /** No body bytes for {@code idle_timeout_millis} while data was wanted. */
    IDLE_TIMEOUT,
    /** The whole call, retries included, took longer than {@code total_timeout_millis}. */
    TOTAL_TIMEOUT,
    /** The connection closed or was reset in the middle of the body. */
    RESET,
    /** The event stream ended without {@code [DONE]}. */
    TRUNCATED,
    /** The body is not what an OpenAI-compatible server sends (not JSON, not an event stream, not UTF-8). */
    MALFORMED,
    /** The body is larger than the gateway buffers. */
    TOO_LARGE,
    /** The upstream sent {@code data: {"error": ...}} inside the stream. */
    ERROR_EVENT,
    /** The consumer cancelled the stream. */
    CANCELLED
  }

  private static final int MAX_MESSAGE_CHARS = 500;
  /** An upstream asking for more than an hour is treated as asking for an hour. */
  static final int MAX_RETRY_AFTER_SECONDS = 3600;
  /** Anything that looks like a bearer token or API key is cut out of upstream messages. */
  private static final Pattern TOKEN = Pattern.compile("(?i)(bearer\\s+\\S+|\\b(sk|nope_live|nope_test|key)[-_][A-Za-z0-9_\\-*.]{6,})");

  private final Kind kind;
  private final int upstreamStatus;
  private final String upstreamMessage;
  private final OptionalInt retryAfterSeconds;

  private UpstreamException(Kind kind, int upstreamStatus, String message, String upstreamMessage, OptionalInt retryAfterSeconds) {
    super(message, null, false, false);
    this.kind = kind;
    this.upstreamStatus = upstreamStatus;
    this.upstreamMessage = upstreamMessage;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static UpstreamException of(Kind kind, String message) {
    return new UpstreamException(kind, 0, message, null, OptionalInt.empty());
  }

  /**
   * A non-2xx answer, with how long it asked callers to wait ({@code Retry-After}, in seconds) if it
   * did; {@code upstreamMessage} is sanitised here (the configured key is redacted by the caller).
   */
  public static UpstreamException status(int status, String upstreamMessage, OptionalInt retryAfterSeconds) {
    String clean = sanitise(upstreamMessage);
    return new UpstreamException(Kind.STATUS, status,
        "upstream answered " + status + (clean == null ? "" : ": " + clean), clean, retryAfterSeconds);
  }

  public static UpstreamException errorEvent(String upstreamMessage) {
    String clean = sanitise(upstreamMessage);
    return new UpstreamException(Kind.ERROR_EVENT, 0,
        "upstream sent an error in the stream" + (clean == null ? "" : ": " + clean), clean, OptionalInt.empty());
  }

  /**
   * A {@code Retry-After} header as seconds: delta-seconds, or an HTTP date from now; capped at
   * {@value #MAX_RETRY_AFTER_SECONDS}. Empty when absent or unreadable.
   */
  public static OptionalInt retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return OptionalInt.empty();
    }
    String value = header.strip();
    try {
      long seconds = value.chars().allMatch(Character::isDigit) && value.length() <= 9 ? Long.parseLong(value)
          : Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).toSeconds();
      return OptionalInt.of((int) Math.max(1, Math.min(MAX_RETRY_AFTER_SECONDS, seconds)));
    } catch (DateTimeParseException e) {
      return OptionalInt.empty();
    }
  }

  public Kind kind() {
    return kind;
  }

  /** The upstream's HTTP status for {@link Kind#STATUS}, else 0. */
  public int upstreamStatus() {
    return upstreamStatus;
  }

  /** The upstream's own error message, sanitised, or null. */
  public String upstreamMessage() {
    return upstreamMessage;
  }

  /** How long the upstream asked callers to wait (its {@code Retry-After}), if it said. */
  public OptionalInt retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Worth another attempt (same or next upstream), provided nothing has been relayed yet. */
  public boolean retryable() {
    return switch (kind) {
      case CONNECT, FIRST_BYTE_TIMEOUT -> true;
      case STATUS -> upstreamStatus >= 500;
      default -> false;
    };
  }

  /**
   * The status the gateway answers with: the caller's own mistakes (400, 404 unknown model, 413, 422)
   * and upstream rate limits (429) pass through; a rejected upstream key (401, 403) is the operator's
   * problem, not the caller's, so it becomes 502 like every other upstream failure; an overloaded
   * upstream (503) stays 503, which clients retry after {@code Retry-After}; timeouts are 504.
   */
  public int gatewayStatus() {
    return switch (kind) {
      case NOT_CONFIGURED -> 503;
      case FIRST_BYTE_TIMEOUT, IDLE_TIMEOUT, TOTAL_TIMEOUT -> 504;
      case STATUS -> switch (upstreamStatus) {
        case 400, 404, 413, 422, 429, 503 -> upstreamStatus;
        default -> 502;
      };
      default -> 502;
    };
  }

  static String sanitise(String message) {
    if (message == null || message.isBlank()) {
      return null;
    }
    String text = TOKEN.matcher(message).replaceAll("(redacted)").replaceAll("\\p{Cntrl}", " ").strip();
    return text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) + "…" : text;
  }
}
