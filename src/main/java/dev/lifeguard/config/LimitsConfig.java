package dev.lifeguard.config;

/** Request hygiene limits, checked on every route before any work. */
public record LimitsConfig(int maxBodyBytes, int maxMessages, int maxMessageBytes, int maxJsonDepth,
    int tryRequestsPerMinute) {

  public static final int DEFAULT_MAX_BODY_BYTES = 512 * 1024;
  public static final int DEFAULT_MAX_MESSAGES = 100;
  /** 50 KB per message or text blob, as the compatible API documents. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 50 * 1024;
  /** Real requests nest 4–6 levels; anything deeper is an attack on the parser. */
  public static final int DEFAULT_MAX_JSON_DEPTH = 32;
  /** The keyless demo routes (/v1/try/*) allow this many requests per client address per minute. */
  public static final int DEFAULT_TRY_REQUESTS_PER_MINUTE = 10;

  public static final LimitsConfig DEFAULT = new LimitsConfig(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_MESSAGES,
      DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_JSON_DEPTH, DEFAULT_TRY_REQUESTS_PER_MINUTE);

  static LimitsConfig read(Settings s) {
    return new LimitsConfig(
        s.intIn("limits.max_body_bytes", 1024, 16 * 1024 * 1024, DEFAULT_MAX_BODY_BYTES),
        s.intIn("limits.max_messages", 1, 10_000, DEFAULT_MAX_MESSAGES),
        s.intIn("limits.max_message_bytes", 64, 4 * 1024 * 1024, DEFAULT_MAX_MESSAGE_BYTES),
        s.intIn("limits.max_json_depth", 8, 256, DEFAULT_MAX_JSON_DEPTH),
        s.intIn("limits.try_requests_per_minute", 1, 100_000, DEFAULT_TRY_REQUESTS_PER_MINUTE));
  }
}
