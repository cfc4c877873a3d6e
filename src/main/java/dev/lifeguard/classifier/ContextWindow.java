package dev.lifeguard.classifier;

import dev.lifeguard.assessment.ChatMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The one scheme that turns a turn of a chat into text for the encoder, used identically in
 * training and at inference (call these methods; do not re-implement them).
 *
 * <p>A user turn is read with the {@value #PREVIOUS_TURNS} user or assistant turns before it, oldest
 * first, joined with newlines: "jk I meant the exam" only means something after what it answers.
 * An assistant reply is scored as two vectors, the reply alone and its context (the
 * {@value #PREVIOUS_TURNS} turns before it). System and tool messages are skipped: they are the
 * operator's, not the conversation's.
 */
public final class ContextWindow {
  /** Turns of context before the scored turn; short enough to stay inside one or two encoder windows. */
  public static final int PREVIOUS_TURNS = 2;
  public static final String SEPARATOR = "\n";
  /**
   * Each earlier turn contributes at most its last this-many characters: context is for cues like
   * "jk I meant the exam", and re-reading whole 50 KB turns as context would multiply the encoder's
   * work by three for long chats. The scored turn itself is always read whole.
   */
  public static final int CONTEXT_CHARS_PER_TURN = 600;

  private ContextWindow() {}

  /** The text for the message heads: up to {@value #PREVIOUS_TURNS} earlier turns plus the turn at {@code index}. */
  public static String textFor(List<ChatMessage> messages, int index) {
    Deque<String> parts = previous(messages, index);
    parts.addLast(messages.get(index).content());
    return String.join(SEPARATOR, parts);
  }

  /** The context of the assistant reply at {@code index}: up to {@value #PREVIOUS_TURNS} earlier turns, "" if none. */
  public static String contextFor(List<ChatMessage> messages, int index) {
    return String.join(SEPARATOR, previous(messages, index));
  }

  private static Deque<String> previous(List<ChatMessage> messages, int index) {
    if (index < 0 || index >= messages.size()) {
      throw new IndexOutOfBoundsException("turn " + index + " of " + messages.size());
    }
    Deque<String> parts = new ArrayDeque<>();
    for (int i = index - 1; i >= 0 && parts.size() < PREVIOUS_TURNS; i--) {
      if (isConversational(messages.get(i).role())) {
        parts.addFirst(tail(messages.get(i).content()));
      }
    }
    return parts;
  }

  private static String tail(String content) {
    if (content.length() <= CONTEXT_CHARS_PER_TURN) {
      return content;
    }
    int start = content.length() - CONTEXT_CHARS_PER_TURN;
    if (Character.isLowSurrogate(content.charAt(start))) {
      start++;
    }
    return content.substring(start);
  }

  private static boolean isConversational(String role) {
    return "user".equals(role) || "assistant".equals(role);
  }
}
