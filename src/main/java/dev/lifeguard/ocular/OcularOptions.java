package dev.lifeguard.ocular;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Ocular's own request fields (the conversation itself is read by the shared request parser).
 *
 * @param effort       the effort asked for (1–3), if any
 * @param thoroughness {@code auto} (the gateway decides) or a fixed level 1–3
 * @param stride       keep every stride-th trajectory point (the last is always kept)
 * @param userId       the caller's ids: stored with the usage record, never shown to the classifier
 */
public record OcularOptions(boolean perTurn, Optional<Integer> effort, Optional<Integer> thoroughness, int stride,
    Optional<String> userId, Optional<String> sessionId, Optional<String> agentId) {

  public static final int MIN_EFFORT = 1;
  public static final int MAX_EFFORT = 3;
  public static final String AUTO = "auto";
  public static final int MAX_ID_LENGTH = 256;
  public static final OcularOptions DEFAULT = new OcularOptions(false, Optional.empty(), Optional.empty(), 1,
      Optional.empty(), Optional.empty(), Optional.empty());

  public OcularOptions {
    if (effort.isPresent() && thoroughness.isPresent() && !effort.equals(thoroughness)) {
      throw new InvalidOcularRequest("\"thoroughness\" (" + thoroughness.get() + ") and \"effort\" (" + effort.get()
          + ") disagree: send one, or the same level in both", "thoroughness");
    }
  }

  /** Reads and validates the fields; absent or null means the default. */
  public static OcularOptions parse(JsonNode body) {
    return new OcularOptions(
        bool(body, "per_turn"),
        level(body, "effort"),
        thoroughness(body.get("thoroughness")),
        stride(body.get("trajectory_stride")),
        id(body, "user_id"),
        id(body, "session_id"),
        id(body, "agent_id"));
  }

  /** The effort that runs first: the one asked for, else one pass. */
  public int startingEffort() {
    return effort.or(() -> thoroughness).orElse(MIN_EFFORT);
  }

  /** With thoroughness {@code auto} and no effort given, a borderline single pass is re-read at effort 2. */
  public boolean adaptive() {
    return effort.isEmpty() && thoroughness.isEmpty();
  }

  /** What {@code thoroughness} echoes: "auto" or the fixed level. */
  public Object thoroughnessWire() {
    return thoroughness.<Object>map(t -> t).orElse(AUTO);
  }

  private static boolean bool(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new InvalidOcularRequest("\"" + field + "\" must be true or false", field);
    }
    return v.asBoolean();
  }

  private static Optional<Integer> level(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!isLong(v) || v.asLong() < MIN_EFFORT || v.asLong() > MAX_EFFORT) {
      throw new InvalidOcularRequest("\"" + field + "\" must be an integer from " + MIN_EFFORT + " to " + MAX_EFFORT, field);
    }
    return Optional.of(v.asInt());
  }

  private static Optional<Integer> thoroughness(JsonNode v) {
    if (v == null || v.isNull() || v.isTextual() && v.asText().equals(AUTO)) {
      return Optional.empty();
    }
    if (!isLong(v) || v.asLong() < MIN_EFFORT || v.asLong() > MAX_EFFORT) {
      throw new InvalidOcularRequest("\"thoroughness\" must be \"auto\" or an integer from " + MIN_EFFORT + " to "
          + MAX_EFFORT, "thoroughness");
    }
    return Optional.of(v.asInt());
  }

  private static int stride(JsonNode v) {
    if (v == null || v.isNull()) {
      return 1;
    }
    if (!isLong(v) || v.asLong() < 1 || v.asLong() > Trajectory.MAX_POINTS) {
      throw new InvalidOcularRequest("\"trajectory_stride\" must be an integer from 1 to " + Trajectory.MAX_POINTS,
          "trajectory_stride");
    }
    return v.asInt();
  }

  /** An integer that fits a long: beyond that, {@code asLong()} wraps (2^64 + 1 would read as 1). */
  private static boolean isLong(JsonNode v) {
    return v.isIntegralNumber() && v.canConvertToLong();
  }

  private static Optional<String> id(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new InvalidOcularRequest("\"" + field + "\" must be a string", field);
    }
    String s = v.asText();
    if (s.isEmpty() || s.codePointCount(0, s.length()) > MAX_ID_LENGTH) {
      throw new InvalidOcularRequest("\"" + field + "\" must be 1 to " + MAX_ID_LENGTH + " characters", field);
    }
    return Optional.of(s);
  }
}
