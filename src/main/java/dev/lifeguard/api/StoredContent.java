package dev.lifeguard.api;

import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.config.PrivacyConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** The message content a usage record may keep: none, unless the operator set {@code privacy.store_content}. */
final class StoredContent {
  private StoredContent() {}

  static Optional<JsonObject> of(PrivacyConfig privacy, List<ChatMessage> messages, Optional<String> proposedResponse) {
    if (!privacy.storeContent()) {
      return Optional.empty();
    }
    JsonArray turns = new JsonArray();
    for (ChatMessage m : messages) {
      turns.add(new JsonObject().put("role", m.role()).put("content", m.content()));
    }
    JsonObject content = new JsonObject().put("messages", turns);
    proposedResponse.ifPresent(p -> content.put("proposed_response", p));
    return Optional.of(content);
  }
}
