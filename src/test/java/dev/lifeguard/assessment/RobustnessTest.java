package dev.lifeguard.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.taxonomy.RiskType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs at the API's limits: 50 KB messages, repetitive text, 100-message histories. */
class RobustnessTest {
  static final int MAX_MESSAGE = 50_000;
  /** Generous: catches quadratic or exponential regressions, not milliseconds. */
  static final Duration BUDGET = Duration.ofSeconds(20);

  @Test
  void repetitive_messages_at_the_size_limit_neither_overflow_nor_stall() {
    for (String unit : List.of("so ", "hahaha", "i really really just so fucking honestly ", "'a' \"b\" ")) {
      String text = unit.repeat(MAX_MESSAGE / unit.length());
      assertTimeoutPreemptively(BUDGET, () -> Conversations.assess(text), unit);
    }
  }

  @Test
  void a_risk_at_the_end_of_a_long_message_is_still_found() {
    String text = "Work has been a lot lately and I went to the shops. ".repeat(900) + "honestly i want to die.";
    Assessment a = assertTimeoutPreemptively(BUDGET, () -> Conversations.assess(text));
    assertTrue(a.risk(RiskType.SUICIDE).isPresent());
  }

  @Test
  void a_hundred_message_history_is_assessed_the_same_each_time_it_is_resent() {
    List<ChatMessage> history = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      history.add(Conversations.user("work was long today and i'm tired " + i));
      history.add(Conversations.assistant("That sounds exhausting."));
    }
    history.set(98, Conversations.user("i just want to die"));
    Assessment first = assertTimeoutPreemptively(BUDGET, () -> Conversations.assess(history));
    Assessment again = assertTimeoutPreemptively(BUDGET, () -> Conversations.assess(history));
    assertEquals(first, again);
    assertEquals(98, first.risk(RiskType.SUICIDE).orElseThrow().features().get(0).spans().get(0).message());
    assertEquals(50, first.turns().stream().filter(t -> t.role().equals("user")).count());
  }
}
