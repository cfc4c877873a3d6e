package dev.lifeguard.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeguard.assessment.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextWindowTest {
  private static final List<ChatMessage> CHAT = List.of(
      new ChatMessage("system", "You are a helpful assistant."),
      new ChatMessage("user", "exam week is killing me lol"),
      new ChatMessage("assistant", "That sounds stressful! What subject?"),
      new ChatMessage("user", "honestly it's not just exams"),
      new ChatMessage("assistant", "I'm listening."),
      new ChatMessage("user", "i don't see the point anymore"));

  @Test
  void a_user_turn_is_read_after_the_two_turns_before_it() {
    assertEquals("honestly it's not just exams\nI'm listening.\ni don't see the point anymore", ContextWindow.textFor(CHAT, 5));
  }

  @Test
  void system_messages_are_not_context_and_the_first_turn_stands_alone() {
    assertEquals("exam week is killing me lol", ContextWindow.textFor(CHAT, 1));
    assertEquals("exam week is killing me lol\nThat sounds stressful! What subject?", ContextWindow.contextFor(CHAT, 3));
  }

  @Test
  void a_reply_context_is_the_two_turns_before_it() {
    assertEquals("That sounds stressful! What subject?\nhonestly it's not just exams", ContextWindow.contextFor(CHAT, 4));
    assertEquals("", ContextWindow.contextFor(List.of(new ChatMessage("assistant", "hi")), 0));
  }

  @Test
  void earlier_turns_contribute_only_their_end_but_the_scored_turn_is_whole() {
    String longEarlier = "a".repeat(5_000) + " jk i meant the exam";
    String longTurn = "b".repeat(5_000);
    java.util.List<dev.lifeguard.assessment.ChatMessage> chat = java.util.List.of(
        new dev.lifeguard.assessment.ChatMessage("user", longEarlier),
        new dev.lifeguard.assessment.ChatMessage("user", longTurn));
    String text = ContextWindow.textFor(chat, 1);
    assertEquals(ContextWindow.CONTEXT_CHARS_PER_TURN + 1 + longTurn.length(), text.length());
    org.junit.jupiter.api.Assertions.assertTrue(text.startsWith("a") && text.contains("jk i meant the exam\n" + longTurn));
  }
}
