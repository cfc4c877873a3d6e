package dev.lifeguard.assessment;

import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.Severity;
import java.util.Map;

/**
 * The state of the conversation as of one turn (for per-turn trajectories): for a user turn, the
 * speaker's and overall severity and imminence read in context up to that turn; for an assistant
 * turn, its AI-concern scores.
 */
public record TurnState(int message, String role, Severity speakerSeverity, Severity overallSeverity,
    Imminence overallImminence, Map<AiConcern, Double> aiConcerns) {
  public TurnState {
    aiConcerns = Map.copyOf(aiConcerns);
  }
}
