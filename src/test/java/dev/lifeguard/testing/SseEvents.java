package dev.lifeguard.testing;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** What a client of a chat-completions stream reads: its data lines, parsed. */
public final class SseEvents {
  private SseEvents() {}

  /** The data lines of an SSE body, parsed; the literal [DONE] is kept as a string. */
  public static List<Object> parse(String sse) {
    List<Object> out = new ArrayList<>();
    for (String block : sse.split("\n\n")) {
      for (String line : block.split("\n")) {
        if (line.startsWith("data: ")) {
          String data = line.substring(6);
          out.add(data.equals("[DONE]") ? data : new JsonObject(data));
        }
      }
    }
    return out;
  }
}
