package dev.lifeguard.training;

import java.util.List;

/**
 * Knobs of a training run. Defaults are what {@code lifeguard train} uses.
 *
 * @param seed fixes the cross-validation folds; the held-out split has its own fixed salt
 * @param folds cross-validation folds on the training split, for calibration and thresholds
 * @param l2Grid penalties on standardised weights (per unit of mean loss) tried per label, strongest first;
 *     each label keeps the one with the lowest cross-validated log loss
 * @param heldOutFraction share of each stratum kept out of training, for the model card's numbers
 * @param maxIterations L-BFGS iterations per fit
 * @param threads encoding and training threads
 * @param minPositives a protective factor gets a head only with at least this many positive items
 * @param trainingShare share of each stratum of the training split that is used (1: all of it). Below 1 the
 *     held-out split is unchanged, so runs at several shares draw a learning curve on the same measure
 */
public record TrainingOptions(long seed, int folds, List<Double> l2Grid, double heldOutFraction, int maxIterations,
    int threads, int minPositives, double trainingShare) {
  public static final long DEFAULT_SEED = 7;
  public static final int DEFAULT_FOLDS = 5;
  /**
   * Weaker penalties than 0.01 lost cross-validated AUC on every label family in trials on the
   * corpus; stronger than 1 underfit risk. Rare labels (protective factors) tend to pick the strong end.
   */
  public static final List<Double> DEFAULT_L2_GRID = List.of(1.0, 0.3, 0.1, 0.03, 0.01);
  public static final double DEFAULT_HELD_OUT_FRACTION = 0.2;
  /** Fits converge well before this; it bounds the worst case for CI. */
  public static final int DEFAULT_MAX_ITERATIONS = 300;
  public static final int DEFAULT_MIN_POSITIVES = 15;

  public TrainingOptions {
    l2Grid = List.copyOf(l2Grid);
    if (l2Grid.isEmpty()) {
      throw new IllegalArgumentException("l2Grid needs at least one value");
    }
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be at least 2");
    }
    if (heldOutFraction < 0 || heldOutFraction >= 1) {
      throw new IllegalArgumentException("heldOutFraction must be in [0, 1)");
    }
    if (!(trainingShare > 0 && trainingShare <= 1)) {
      throw new IllegalArgumentException("the training share must be above 0 and at most 1");
    }
  }

  public static TrainingOptions defaults() {
    return withSeed(DEFAULT_SEED);
  }

  public static TrainingOptions withSeed(long seed) {
    return new TrainingOptions(seed, DEFAULT_FOLDS, DEFAULT_L2_GRID, DEFAULT_HELD_OUT_FRACTION, DEFAULT_MAX_ITERATIONS,
        Math.max(1, Runtime.getRuntime().availableProcessors()), DEFAULT_MIN_POSITIVES, 1.0);
  }

  public TrainingOptions withTrainingShare(double share) {
    return new TrainingOptions(seed, folds, l2Grid, heldOutFraction, maxIterations, threads, minPositives, share);
  }

  /** True when only part of the training split is used: the heads are for measuring, not for shipping. */
  public boolean reduced() {
    return trainingShare < 1;
  }
}
