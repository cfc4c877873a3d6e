package dev.lifeguard.training.learn;

/**
 * The trainers' inner loops, four input rows at a time. A single running sum is one long chain of
 * dependent additions, so the processor waits on each add; four sums side by side keep it busy
 * (profiled: training spent about three times longer in that chain than in the same number of
 * independent multiply-adds), and one pass over the weights serves four rows. Every sum still adds its
 * terms in the same order as one row at a time, so the results are the same bits and retraining on the
 * same corpus reproduces the same heads.
 */
final class Dot {
  /** Rows handled together. */
  static final int BLOCK = 4;

  private Dot() {}

  /** The four rows {@code x[index[at]]} … {@code x[index[at + 3]]}. */
  static float[][] rows(float[][] x, int[] index, int at) {
    return new float[][] {x[index[at]], x[index[at + 1]], x[index[at + 2]], x[index[at + 3]]};
  }

  /** {@code out[q] = start + Σ_i w[off + i] · rows[q][i]} for the four rows, each summed in index order. */
  static void four(double[] w, int off, int n, double start, float[][] rows, double[] out) {
    float[] x0 = rows[0];
    float[] x1 = rows[1];
    float[] x2 = rows[2];
    float[] x3 = rows[3];
    double s0 = start;
    double s1 = start;
    double s2 = start;
    double s3 = start;
    for (int i = 0; i < n; i++) {
      double v = w[off + i];
      s0 += v * x0[i];
      s1 += v * x1[i];
      s2 += v * x2[i];
      s3 += v * x3[i];
    }
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = s3;
  }

  /** {@code start + Σ_i w[off + i] · x[i]} in index order. */
  static double one(double[] w, int off, int n, double start, float[] x) {
    double s = start;
    for (int i = 0; i < n; i++) {
      s += w[off + i] * x[i];
    }
    return s;
  }

  /**
   * {@code acc[off + i] += a[0]·rows[0][i]}, then {@code a[1]·rows[1][i]}, and so on: the four rows'
   * terms in row order, as four separate passes would add them, in one pass.
   */
  static void accumulate(double[] acc, int off, int n, double[] a, float[][] rows) {
    float[] x0 = rows[0];
    float[] x1 = rows[1];
    float[] x2 = rows[2];
    float[] x3 = rows[3];
    double a0 = a[0];
    double a1 = a[1];
    double a2 = a[2];
    double a3 = a[3];
    for (int i = 0; i < n; i++) {
      acc[off + i] = acc[off + i] + a0 * x0[i] + a1 * x1[i] + a2 * x2[i] + a3 * x3[i];
    }
  }

  /** {@code acc[off + i] += a · x[i]}. */
  static void accumulate(double[] acc, int off, int n, double a, float[] x) {
    for (int i = 0; i < n; i++) {
      acc[off + i] += a * x[i];
    }
  }

  /** The sum a[0] + a[1] + a[2] + a[3] added to {@code start} in that order. */
  static double sum(double start, double[] a) {
    return start + a[0] + a[1] + a[2] + a[3];
  }
}
