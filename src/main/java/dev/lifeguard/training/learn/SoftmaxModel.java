package dev.lifeguard.training.learn;

/** A fitted multinomial logistic model: P(k) = softmax(weights · x + bias)_k. */
public record SoftmaxModel(double[][] weights, double[] bias) {

  public int classes() {
    return bias.length;
  }

  public double[] logits(float[] x) {
    double[] z = bias.clone();
    for (int k = 0; k < z.length; k++) {
      double[] w = weights[k];
      for (int j = 0; j < w.length; j++) {
        z[k] += w[j] * x[j];
      }
    }
    return z;
  }

  public double[] probabilities(float[] x) {
    return softmax(logits(x));
  }

  public static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[z.length];
    for (int k = 0; k < z.length; k++) {
      p[k] = Math.exp(z[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < z.length; k++) {
      p[k] /= sum;
    }
    return p;
  }
}
