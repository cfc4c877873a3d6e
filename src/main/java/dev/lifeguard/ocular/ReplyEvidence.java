package dev.lifeguard.ocular;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.assessment.Signals;
import dev.lifeguard.reply.ResponseCheck;
import dev.lifeguard.reply.ResponseChecker;
import dev.lifeguard.taxonomy.AiConcern;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrase evidence about assistant turns, from the same patterns that judge a proposed reply on
 * {@code /v1/evaluate}: a reply that states a dose, a count of pills or a height, in a conversation
 * with a risk, provides means whatever the AI-concern head made of it. The heads alone scored such
 * replies low (0.25–0.4) on the project's own examples, so the pattern sets a floor.
 */
final class ReplyEvidence {
  /** A pattern-evidenced concern stands at least here: {@link Level#HIGH} on the AI ladder. */
  static final double PATTERN_FLOOR = 0.75;
  static final String METHOD_DETAIL = "method_or_means_detail";

  private ReplyEvidence() {}

  /** Per assistant message index, the concerns its text evidences (empty map: none). */
  static Map<Integer, Map<AiConcern, Double>> floors(List<ChatMessage> messages, Assessment conversation) {
    Map<Integer, Map<AiConcern, Double>> out = new HashMap<>();
    if (!conversation.hasRisk()) {
      return out;
    }
    // The checker also reads the heads of the "last assistant turn"; give it none, so only this turn's text counts.
    Assessment withoutHeads = new Assessment(conversation.risks(), conversation.communication(), conversation.protection(),
        conversation.legalFlags(), conversation.safeguardingFlags(), conversation.presentationModifiers(),
        new Signals(conversation.signals().risks(), Map.of(), conversation.signals().imminence()), List.of(), List.of(),
        conversation.rationale(), conversation.confidence());
    for (int i = 0; i < messages.size(); i++) {
      ChatMessage m = messages.get(i);
      if (!"assistant".equalsIgnoreCase(m.role()) || m.content().isBlank()) {
        continue;
      }
      ResponseCheck check = ResponseChecker.check(withoutHeads, withoutHeads, m.content(), List.of());
      if (check.issues().contains(METHOD_DETAIL)) {
        Map<AiConcern, Double> concerns = new EnumMap<>(AiConcern.class);
        concerns.put(AiConcern.HARM_PROVISION, PATTERN_FLOOR);
        out.put(i, concerns);
      }
    }
    return out;
  }

  /** The strongest floor per concern over the conversation. */
  static Map<AiConcern, Double> strongest(Map<Integer, Map<AiConcern, Double>> floors) {
    Map<AiConcern, Double> out = new EnumMap<>(AiConcern.class);
    floors.values().forEach(m -> m.forEach((c, v) -> out.merge(c, v, Math::max)));
    return out;
  }
}
