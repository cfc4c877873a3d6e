package dev.lifeguard.proxy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * SSE frames of one streamed completion, as real clients require them: the same {@code id},
 * {@code created} and {@code model} on every chunk, a first delta carrying the role, a final chunk
 * with {@code finish_reason}, an optional usage chunk with empty {@code choices}, then {@code [DONE]}.
 */
public final class ChunkFrames {
  public static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");
  public static final Buffer KEEP_ALIVE = Buffer.buffer(": screening\n\n");

  private final String id;
  private final long created;
  private final String model;

  public ChunkFrames(String id, long created, String model) {
    this.id = id;
    this.created = created;
    this.model = model;
  }

  public String id() {
    return id;
  }

  public Buffer role() {
    return frame(chunk(new JsonObject().put("role", "assistant").put("content", ""), null));
  }

  public Buffer content(String text) {
    return frame(chunk(new JsonObject().put("content", text), null));
  }

  /** A delta the gateway does not screen (tool calls), passed on under this stream's id. */
  public Buffer delta(JsonObject delta) {
    return frame(chunk(delta, null));
  }

  /** The last content chunk; {@code extension} (may be null) carries output-side screening results. */
  public Buffer finish(String finishReason, JsonObject extension) {
    JsonObject chunk = chunk(new JsonObject(), finishReason);
    if (extension != null) {
      chunk.put("lifeguard", extension);
    }
    return frame(chunk);
  }

  public Buffer usage(JsonObject usage) {
    return frame(new JsonObject().put("id", id).put("object", "chat.completion.chunk").put("created", created)
        .put("model", model).put("choices", new JsonArray()).put("usage", usage));
  }

  public static Buffer error(String message, String type, String code) {
    return frame(new JsonObject().put("error", new JsonObject().put("message", message).put("type", type).put("code", code)
        .putNull("param")));
  }

  private JsonObject chunk(JsonObject delta, String finishReason) {
    return new JsonObject()
        .put("id", id)
        .put("object", "chat.completion.chunk")
        .put("created", created)
        .put("model", model)
        .put("choices", new JsonArray().add(new JsonObject()
            .put("index", 0)
            .put("delta", delta)
            .put("logprobs", null)
            .put("finish_reason", finishReason)));
  }

  static Buffer frame(JsonObject json) {
    return Buffer.buffer("data: " + json.encode() + "\n\n");
  }
}
