package dev.lifeguard.api;

import dev.lifeguard.assessment.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * What the keyless demo routes read of a conversation: the last {@value #MAX_MESSAGES} messages,
 * the last {@value #MAX_CHARS} characters of each (the end of a message is what was said most
 * recently). Keyed routes read everything up to the request limits.
 */
record Truncation(List<ChatMessage> messages, boolean truncated) {
  static final int MAX_MESSAGES = 10;
  static final int MAX_CHARS = 2000;

  static Truncation none(List<ChatMessage> messages) {
    return new Truncation(messages, false);
  }

  static Truncation forDemo(List<ChatMessage> messages) {
    boolean truncated = messages.size() > MAX_MESSAGES;
    List<ChatMessage> kept = new ArrayList<>();
    for (ChatMessage m : messages.subList(Math.max(0, messages.size() - MAX_MESSAGES), messages.size())) {
      String text = m.content();
      if (text.length() > MAX_CHARS) {
        int start = text.length() - MAX_CHARS;
        if (Character.isLowSurrogate(text.charAt(start))) {
          start++;
        }
        text = text.substring(start);
        truncated = true;
      }
      kept.add(new ChatMessage(m.role(), text));
    }
    return new Truncation(List.copyOf(kept), truncated);
  }
}
