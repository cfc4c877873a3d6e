package dev.lifeguard.training.learn;

/** A fitted binary logistic model: P(y) = sigmoid(weights · x + bias). */
public record BinaryModel(double[] weights, double bias) {

  public double logit(float[] x) {
    double z = bias;
    for (int j = 0; j < weights.length; j++) {
      z += weights[j] * x[j];
    }
    return z;
  }

  public double probability(float[] x) {
    return sigmoid(logit(x));
  }

  public static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }
}
