package dev.lifeguard.training.learn;

/**
 * The MLP's first-layer loops over weights stored input-major ({@code w[i · h + j]} joins input i to
 * hidden unit j). Each input then adds its term to every unit in one contiguous pass, element by
 * element with no running total between neighbours, which the JIT turns into vector instructions; a
 * unit's sum still receives its inputs' terms in index order, so the results are the bits of the
 * plain one-row, one-unit loop ({@code BlockedArithmeticTest}). Four rows ({@link Dot#BLOCK}) share
 * each pass over the weights, which are larger than the processor's caches (eight were measured slower).
 */
final class InputMajor {
  private InputMajor() {}

  /** {@code z[j] += Σ_i w[i·h + j] · x[i]}, terms added in index order. */
  static void addTerms(double[] w, int h, int d, float[] x, double[] z) {
    for (int i = 0; i < d; i++) {
      double xi = x[i];
      int off = i * h;
      for (int j = 0; j < h; j++) {
        z[j] += w[off + j] * xi;
      }
    }
  }

  /** {@link #addTerms} for four rows, {@code rows[q]} into {@code z[q]} (q &lt; 4), in one pass over the weights. */
  static void addTermsFour(double[] w, int h, int d, float[][] rows, double[][] z) {
    double[] z0 = z[0];
    double[] z1 = z[1];
    double[] z2 = z[2];
    double[] z3 = z[3];
    for (int i = 0; i < d; i++) {
      double x0 = rows[0][i];
      double x1 = rows[1][i];
      double x2 = rows[2][i];
      double x3 = rows[3][i];
      int off = i * h;
      for (int j = 0; j < h; j++) {
        double v = w[off + j];
        z0[j] += v * x0;
        z1[j] += v * x1;
        z2[j] += v * x2;
        z3[j] += v * x3;
      }
    }
  }

  /** {@code g[i·h + j] += delta[j] · x[i]}: one row's first-layer gradient. */
  static void accumulate(double[] g, int h, int d, double[] delta, float[] x) {
    for (int i = 0; i < d; i++) {
      double xi = x[i];
      int off = i * h;
      for (int j = 0; j < h; j++) {
        g[off + j] += delta[j] * xi;
      }
    }
  }

  /**
   * Four rows' first-layer gradients, added to each entry in row order, as four calls of
   * {@link #accumulate} would add them, in one pass.
   */
  static void accumulateFour(double[] g, int h, int d, double[][] delta, float[][] rows) {
    double[] d0 = delta[0];
    double[] d1 = delta[1];
    double[] d2 = delta[2];
    double[] d3 = delta[3];
    for (int i = 0; i < d; i++) {
      double x0 = rows[0][i];
      double x1 = rows[1][i];
      double x2 = rows[2][i];
      double x3 = rows[3][i];
      int off = i * h;
      for (int j = 0; j < h; j++) {
        g[off + j] = g[off + j] + d0[j] * x0 + d1[j] * x1 + d2[j] * x2 + d3[j] * x3;
      }
    }
  }
}
