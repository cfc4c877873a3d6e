package dev.lifeguard.assessment;

import dev.lifeguard.inference.ProbeScores;
import dev.lifeguard.taxonomy.AgeBand;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: conversations written as alternating lines, assessed with or without heads. */
final class Conversations {
  static final Assessor ASSESSOR = new Assessor();

  private Conversations() {}

  static ChatMessage user(String text) {
    return new ChatMessage("user", text);
  }

  static ChatMessage assistant(String text) {
    return new ChatMessage("assistant", text);
  }

  /** User turns only. */
  static List<ChatMessage> said(String... userTurns) {
    List<ChatMessage> list = new ArrayList<>();
    for (String t : userTurns) {
      list.add(user(t));
    }
    return list;
  }

  /** Patterns only: no heads ran. */
  static Assessment assess(String... userTurns) {
    return ASSESSOR.assess(said(userTurns), AssessmentContext.unknown(), List.of());
  }

  static Assessment assess(List<ChatMessage> messages) {
    return ASSESSOR.assess(messages, AssessmentContext.unknown(), List.of());
  }

  static Assessment assessMinor(String... userTurns) {
    return ASSESSOR.assess(said(userTurns), AssessmentContext.unknown().withAgeBand(AgeBand.MINOR), List.of());
  }

  static Assessment assess(List<ChatMessage> messages, List<ProbeScores> scores) {
    return ASSESSOR.assess(messages, AssessmentContext.unknown(), scores);
  }
}
