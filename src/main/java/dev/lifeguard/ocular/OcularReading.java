package dev.lifeguard.ocular;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.OcularAxis;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an Ocular answer says, computed once; the seed's shape and the live API's shape are
 * both rendered from it.
 *
 * @param stability   per axis (wire name), 1 − the spread of its score over the perturbed passes; empty at effort 1
 * @param confidence  share of perturbed passes whose verdict matched; empty at effort 1
 * @param deciding    the window's assessment the reading rests on (its severities go to the usage record)
 * @param passes      classifier assessments made: windows plus perturbed variants
 */
public record OcularReading(AxisScores scores, Map<OcularAxis, Level> userLevels, Map<AiConcern, Level> aiLevels,
    Verdict verdict, Imminence imminence, int effort, Optional<Map<String, Double>> stability,
    Optional<Double> confidence, Optional<Trajectory> trajectory, int windows, int passes, boolean fictionFramed,
    Assessment deciding) {

  public OcularReading {
    userLevels = Map.copyOf(userLevels);
    aiLevels = Map.copyOf(aiLevels);
    stability = stability.map(Map::copyOf);
  }

  public boolean windowed() {
    return windows > 1;
  }
}
