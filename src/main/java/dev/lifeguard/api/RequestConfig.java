package dev.lifeguard.api;

import java.util.Optional;

/** NOPE's per-request {@code config}: who the user is and what the caller wants back. */
public record RequestConfig(
    Optional<String> userCountry,
    Optional<String> locale,
    AgeBand ageBand,
    boolean returnAssistantReply,
    boolean includeResources,
    SafetyMode assistantSafetyMode,
    Optional<String> conversationId,
    Optional<String> endUserId) {

  public enum AgeBand { ADULT, MINOR, UNKNOWN }

  public enum SafetyMode { TEMPLATE, GENERATE }

  public static final RequestConfig DEFAULT = new RequestConfig(Optional.empty(), Optional.empty(), AgeBand.UNKNOWN,
      true, true, SafetyMode.TEMPLATE, Optional.empty(), Optional.empty());
}
