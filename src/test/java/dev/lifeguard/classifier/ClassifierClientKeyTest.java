package dev.lifeguard.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.taxonomy.AgeBand;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole-conversation cache must never answer one conversation with another's assessment. */
class ClassifierClientKeyTest {
  private final AssessmentContext us = AssessmentContext.of("US", null, AgeBand.ADULT, null);

  @Test
  void the_same_conversation_and_context_share_a_key_and_anything_else_does_not() {
    List<ChatMessage> a = List.of(new ChatMessage("user", "ab"), new ChatMessage("assistant", "c"));
    assertEquals(ClassifierClient.key(a, us), ClassifierClient.key(List.copyOf(a), us));
    assertNotEquals(ClassifierClient.key(a, us), ClassifierClient.key(List.of(new ChatMessage("user", "a"),
        new ChatMessage("assistant", "bc")), us), "turn boundaries count");
    assertNotEquals(ClassifierClient.key(a, us), ClassifierClient.key(List.of(new ChatMessage("assistant", "ab"),
        new ChatMessage("assistant", "c")), us), "roles count");
    assertNotEquals(ClassifierClient.key(a, us), ClassifierClient.key(a, us.withAgeBand(AgeBand.MINOR)), "context counts");
  }
}
