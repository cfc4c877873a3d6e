package dev.lifeguard.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The body sent upstream: the caller's own chat body with NOPE's additions consumed. {@code config}
 * is removed; NOPE's {@code system} becomes the leading system message (replacing one the caller
 * sent); {@code n} is removed, because only one reply is screened and released (the upstream would
 * generate the others for nothing). Every other parameter (tools, temperature, response_format, …)
 * passes through unchanged.
 */
public final class UpstreamBodies {
  private UpstreamBodies() {}

  public static ObjectNode from(ObjectNode callerBody, Optional<String> extraSystemPrompt) {
    ObjectNode body = callerBody.deepCopy();
    body.remove("config");
    body.remove("n");
    JsonNode system = body.remove("system");
    ArrayNode messages = (ArrayNode) body.get("messages");
    if (system != null && system.isTextual()) {
      if (messages.size() > 0 && "system".equals(messages.get(0).path("role").asText())) {
        messages.remove(0);
      }
      messages.insert(0, systemMessage(system.asText()));
    }
    extraSystemPrompt.ifPresent(prompt -> messages.insert(0, systemMessage(prompt)));
    return body;
  }

  private static ObjectNode systemMessage(String content) {
    return JsonNodeFactory.instance.objectNode().put("role", "system").put("content", content);
  }
}
