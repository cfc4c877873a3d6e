package dev.lifeguard.ocular;

import dev.lifeguard.taxonomy.Severity;

/**
 * Where a 0–1 axis score crosses onto each rung of the {@link Level} ladder. The defaults were tuned
 * on the project's labelled sets (the corpus's held-out split and the conversations' assistant
 * turns); {@code docs/OCULAR.md} gives the method and the numbers, and {@code OcularCalibration}
 * re-measures them.
 *
 * @param low      at or above: {@link Level#LOW}
 * @param moderate at or above: {@link Level#MODERATE}
 * @param high     at or above: {@link Level#HIGH}
 * @param critical at or above: {@link Level#CRITICAL}
 */
public record LevelThresholds(double low, double moderate, double high, double critical) {

  /** User-risk axes (Signals scores: the stronger of the heads' probability and the graded severity). */
  public static final LevelThresholds USER = new LevelThresholds(0.33, 0.62, 0.82, 0.95);
  /** AI-concern axes (the AI-concern heads on assistant turns, read in context). */
  public static final LevelThresholds AI = new LevelThresholds(0.25, 0.40, 0.60, 0.85);

  public LevelThresholds {
    if (!(0 < low && low < moderate && moderate < high && high < critical && critical <= 1)) {
      throw new IllegalArgumentException("thresholds must rise strictly within (0, 1]: " + low + ", " + moderate + ", "
          + high + ", " + critical);
    }
  }

  public Level level(double score) {
    if (score >= critical) {
      return Level.CRITICAL;
    }
    if (score >= high) {
      return Level.HIGH;
    }
    if (score >= moderate) {
      return Level.MODERATE;
    }
    return score >= low ? Level.LOW : Level.MINIMAL;
  }

  /** The rung a clinical ladder's grade stands on: a level never falls below the graded severity. */
  public static Level of(Severity severity) {
    return switch (severity) {
      case NONE -> Level.MINIMAL;
      case MILD -> Level.LOW;
      case MODERATE -> Level.MODERATE;
      case HIGH -> Level.HIGH;
      case CRITICAL -> Level.CRITICAL;
    };
  }
}
