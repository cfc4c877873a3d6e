package dev.lifeguard.training.corpus;

import dev.lifeguard.assessment.ChatMessage;
import java.util.List;

/** One line of {@code conversations/*.jsonl}: turns plus the labels of the whole conversation. */
public record Conversation(String id, List<Turn> turns, Labels labels, Source source) {

  public Conversation {
    turns = List.copyOf(turns);
  }

  /** The turns as the gateway sees a chat, for {@link dev.lifeguard.classifier.ContextWindow}. */
  public List<ChatMessage> chat() {
    return turns.stream().map(t -> new ChatMessage(t.role(), t.content())).toList();
  }
}
