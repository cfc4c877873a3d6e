package dev.lifeguard.reply;

import dev.lifeguard.taxonomy.WireNamed;
import java.util.Objects;

/** The reply Lifeguard suggests sending instead of (or before) the model's ({@code recommended_reply}). */
public record RecommendedReply(String content, Source source) {

  public RecommendedReply {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(source, "source");
  }

  /** Where the reply came from ({@code recommended_reply.source}). */
  public enum Source implements WireNamed {
    TEMPLATE("template"),
    LLM_GENERATED("llm_generated");

    private final String wireName;

    Source(String wireName) {
      this.wireName = wireName;
    }

    @Override
    public String wireName() {
      return wireName;
    }
  }
}
