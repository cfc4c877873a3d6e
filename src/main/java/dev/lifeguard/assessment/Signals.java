package dev.lifeguard.assessment;

import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.RiskType;
import java.util.Map;

/**
 * Continuous scores (0–1) for axis views such as Ocular: per risk type (the stronger of the model's
 * probability and the graded severity), per AI concern (assistant turns), and for imminence.
 */
public record Signals(Map<RiskType, Double> risks, Map<AiConcern, Double> aiConcerns, double imminence) {
  public Signals {
    risks = Map.copyOf(risks);
    aiConcerns = Map.copyOf(aiConcerns);
  }

  public double risk(RiskType type) {
    return risks.getOrDefault(type, 0.0);
  }

  public double aiConcern(AiConcern concern) {
    return aiConcerns.getOrDefault(concern, 0.0);
  }
}
