package dev.lifeguard.proxy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * OpenAI chat-completion objects written by the gateway itself (a replacement reply, or any reply
 * when no upstream is configured), framed exactly as OpenAI clients parse them. No model produced
 * these tokens, so usage reports zero rather than a guess.
 */
public final class Completions {
  private Completions() {}

  public static String newId() {
    return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
  }

  public static long now() {
    return System.currentTimeMillis() / 1000;
  }

  public static JsonObject completion(String id, long created, String model, String content, String finishReason) {
    return new JsonObject()
        .put("id", id)
        .put("object", "chat.completion")
        .put("created", created)
        .put("model", model)
        .put("choices", new JsonArray().add(new JsonObject()
            .put("index", 0)
            .put("message", new JsonObject().put("role", "assistant").put("content", content).put("refusal", null))
            .put("logprobs", null)
            .put("finish_reason", finishReason)))
        .put("usage", noUsage());
  }

  public static JsonObject noUsage() {
    return new JsonObject().put("prompt_tokens", 0).put("completion_tokens", 0).put("total_tokens", 0);
  }

  /** The content of choice 0 of an upstream completion, or null when it has none (tool calls only). */
  public static String content(JsonObject completion) {
    JsonArray choices = completion.getJsonArray("choices");
    if (choices == null || choices.isEmpty() || !(choices.getValue(0) instanceof JsonObject first)) {
      return null;
    }
    JsonObject message = first.getJsonObject("message");
    return message == null ? null : message.getString("content");
  }

  /** A copy of an upstream completion with choice 0's content replaced (ids, usage and tool calls kept). */
  public static JsonObject withContent(JsonObject completion, String content, String finishReason) {
    JsonObject copy = completion.copy();
    JsonObject first = copy.getJsonArray("choices").getJsonObject(0);
    first.getJsonObject("message").put("content", content);
    if (finishReason != null) {
      first.put("finish_reason", finishReason);
    }
    return copy;
  }
}
