package dev.lifeguard.training;

import static dev.lifeguard.inference.ProbeLabels.AI_PREFIX;

import dev.lifeguard.training.corpus.Vocabulary;
import java.util.List;

/** The assistant head's outputs: one sigmoid per AI-concern axis, thresholds for recall (F2). */
final class ReplyTargets {
  private ReplyTargets() {}

  static List<Target<List<String>>> all() {
    return Vocabulary.CONCERNS.stream()
        .<Target<List<String>>>map(c -> new Target.Binary<>(AI_PREFIX + c, concerns -> concerns.contains(c), MessageTargets.RECALL_FIRST))
        .toList();
  }
}
