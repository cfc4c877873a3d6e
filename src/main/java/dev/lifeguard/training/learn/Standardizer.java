package dev.lifeguard.training.learn;

/**
 * Per-dimension centring and scaling fitted on training rows. Encoder vectors are unit length with
 * tiny components; standardising makes the L2 penalty treat every dimension alike and speeds
 * L-BFGS up. It is folded into the exported weights, so inference never sees it.
 */
public record Standardizer(double[] mean, double[] scale) {
  private static final double MIN_SCALE = 1e-6;

  public static Standardizer fit(float[][] rows) {
    int d = rows[0].length;
    double[] mean = new double[d];
    double[] var = new double[d];
    for (float[] r : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += r[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= rows.length;
    }
    for (float[] r : rows) {
      for (int j = 0; j < d; j++) {
        double c = r[j] - mean[j];
        var[j] += c * c;
      }
    }
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      scale[j] = Math.max(Math.sqrt(var[j] / rows.length), MIN_SCALE);
    }
    return new Standardizer(mean, scale);
  }

  public float[] apply(float[] x) {
    float[] out = new float[x.length];
    for (int j = 0; j < x.length; j++) {
      out[j] = (float) ((x[j] - mean[j]) / scale[j]);
    }
    return out;
  }

  public float[][] apply(float[][] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = apply(rows[i]);
    }
    return out;
  }
}
