package dev.lifeguard.accounts;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * One answered API call, as metadata. {@code riskTypes} is empty when the call was not assessed and
 * an empty list when it was and found no risk. {@code content} is present only when the operator has
 * set {@code privacy.store_content}.
 */
public record UsageRecord(String requestId, Optional<String> keyId, String endpoint, int status,
    Optional<String> overallSeverity, Optional<String> speakerSeverity, Optional<String> verdict,
    Optional<List<String>> riskTypes, long latencyMillis, long costMills, Identity identity, Optional<JsonObject> content) {

  /** The caller's own ids for the conversation, its end user and (Ocular) session and agent. */
  public record Identity(Optional<String> conversationId, Optional<String> endUserId, Optional<String> userId,
      Optional<String> sessionId, Optional<String> agentId) {
    public static final Identity NONE = new Identity(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }
}
