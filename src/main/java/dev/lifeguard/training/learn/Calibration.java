package dev.lifeguard.training.learn;

/**
 * Maps raw (class-weighted) logits to probabilities that match the corpus' frequencies, fitted on
 * out-of-fold logits: Platt scaling for a sigmoid label, matrix scaling (a small softmax regression
 * on the logits) for a softmax group. Both are affine in the logits, so they fold into the exported
 * weights.
 */
public final class Calibration {
  /** A whisper of L2 keeps the slope finite when out-of-fold logits separate the classes perfectly. */
  static final double L2 = 1e-4;
  static final int MAX_ITERATIONS = 200;

  private Calibration() {}

  /** Platt: P = sigmoid(a z + b), with Platt's smoothed targets so a small label is not over-confident. */
  public static BinaryModel platt(double[] logits, boolean[] y) {
    int positives = 0;
    for (boolean v : y) {
      positives += v ? 1 : 0;
    }
    double hi = (positives + 1.0) / (positives + 2.0);
    double lo = 1.0 / (y.length - positives + 2.0);
    float[][] x = new float[logits.length][];
    double[] t = new double[logits.length];
    double[] ones = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      x[i] = new float[] {(float) logits[i]};
      t[i] = y[i] ? hi : lo;
      ones[i] = 1;
    }
    return LogisticRegression.fit(x, t, ones, L2, MAX_ITERATIONS);
  }

  /** Matrix scaling: P = softmax(A z + c) over the k raw logits. */
  public static SoftmaxModel matrix(double[][] logits, int[] classes, int k) {
    float[][] x = new float[logits.length][k];
    double[] ones = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      for (int c = 0; c < k; c++) {
        x[i][c] = (float) logits[i][c];
      }
      ones[i] = 1;
    }
    return SoftmaxRegression.fit(x, classes, k, ones, L2, MAX_ITERATIONS);
  }
}
