package dev.lifeguard.proxy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * OpenAI chat-completion objects written by the gateway itself (a replacement reply, or any reply
 * when no upstream is configured), framed exactly as OpenAI clients parse them. No model produced
 * these tokens, so usage reports zero rather than a guess.
 */
public final class Completions {
  /** The message fields of an upstream reply that are passed on (see {@link #screenable}). */
  private static final List<String> MESSAGE_FIELDS = List.of("role", "content", "tool_calls", "function_call");

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

  /**
   * An upstream completion cut down to what the gateway screens: its first choice only, and of its
   * message only the text and what apps act on (role, content, tool calls). Anything else, such as a
   * second choice or {@code reasoning_content}, is model text nobody screened, so it is dropped.
   *
   * @throws UpstreamException ({@link UpstreamException.Kind#MALFORMED}) when there is no first choice
   *     with a message, or its content is neither text nor null
   */
  public static JsonObject screenable(JsonObject completion) {
    Object choices = completion.getValue("choices");
    if (!(choices instanceof JsonArray list) || list.isEmpty() || !(list.getValue(0) instanceof JsonObject first)
        || !(first.getValue("message") instanceof JsonObject message)) {
      throw UpstreamException.of(UpstreamException.Kind.MALFORMED, "upstream answer has no choice with a message");
    }
    Object content = message.getValue("content");
    if (content != null && !(content instanceof String)) {
      throw UpstreamException.of(UpstreamException.Kind.MALFORMED, "upstream answer's choice has content that is not text");
    }
    JsonObject kept = new JsonObject();
    for (String field : MESSAGE_FIELDS) {
      if (message.containsKey(field)) {
        kept.put(field, message.getValue(field));
      }
    }
    JsonObject choice = first.copy().put("index", 0).put("message", kept);
    return completion.copy().put("choices", new JsonArray().add(choice));
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
