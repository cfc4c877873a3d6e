package dev.lifeguard.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A fast OpenAI-compatible upstream for benchmarks: a canned completion at once (or after the
 * body's {@code stub_delay_ms}), or a stream of tokens at a fixed pace. Usage: {@code StubUpstream PORT [MS_PER_TOKEN]}.
 */
public final class StubUpstream {
  static final String REPLY = "Banana bread stays moist with an extra ripe banana, a spoon of yogurt and a shorter bake. "
      + "Wrap it while it is still a little warm, and it keeps for three days.";

  private StubUpstream() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    long msPerToken = args.length > 1 ? Long.parseLong(args[1]) : 20;
    start(Vertx.vertx(), port, msPerToken);
    System.out.println("stub upstream on " + port + ", " + msPerToken + " ms per streamed token");
  }

  /** Starts the stub on {@code port} (0: any free port); returns the port it listens on. */
  public static int start(Vertx vertx, int port, long msPerToken) {
    String completion = new JsonObject().put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 1)
        .put("model", "stub").put("choices", new JsonArray().add(new JsonObject().put("index", 0)
            .put("message", new JsonObject().put("role", "assistant").put("content", REPLY)).put("finish_reason", "stop")))
        .put("usage", new JsonObject().put("prompt_tokens", 10).put("completion_tokens", 40).put("total_tokens", 50)).encode();
    String[] tokens = REPLY.split("(?<= )");
    return vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      JsonObject request = new JsonObject(body);
      if (!request.getBoolean("stream", false)) {
        // A benchmark may ask for a model's think time ("stub_delay_ms", passed through by the gateway).
        long delay = request.getLong("stub_delay_ms", 0L);
        if (delay > 0) {
          vertx.setTimer(delay, id -> req.response().putHeader("Content-Type", "application/json").end(completion));
        } else {
          req.response().putHeader("Content-Type", "application/json").end(completion);
        }
        return;
      }
      req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
      int[] next = {0};
      vertx.setPeriodic(1, msPerToken, id -> {
        if (req.response().closed()) {
          vertx.cancelTimer(id);
        } else if (next[0] < tokens.length) {
          req.response().write("data: " + new JsonObject().put("id", "chatcmpl-stub").put("object", "chat.completion.chunk")
              .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                  .put("delta", new JsonObject().put("content", tokens[next[0]++])).putNull("finish_reason"))).encode() + "\n\n");
        } else {
          vertx.cancelTimer(id);
          req.response().end("data: {\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
              + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
        }
      });
    })).listen(port).await().actualPort();
  }
}
