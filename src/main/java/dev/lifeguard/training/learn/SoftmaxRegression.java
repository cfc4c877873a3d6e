package dev.lifeguard.training.learn;

import java.util.Arrays;

/** Weighted multinomial logistic regression with an L2 penalty on the weights, fitted with L-BFGS. */
public final class SoftmaxRegression {
  private SoftmaxRegression() {}

  public static SoftmaxModel fit(float[][] x, int[] classes, int k, double[] sampleWeights, double l2, int maxIterations) {
    int d = x.length == 0 ? 0 : x[0].length;
    double[] params = Lbfgs.minimize(new Loss(x, classes, k, sampleWeights, l2), new double[k * (d + 1)], maxIterations, 1e-6);
    double[][] w = new double[k][d];
    double[] b = new double[k];
    for (int c = 0; c < k; c++) {
      System.arraycopy(params, c * (d + 1), w[c], 0, d);
      b[c] = params[c * (d + 1) + d];
    }
    return new SoftmaxModel(w, b);
  }

  /** Each class gets the same total weight, so a rare class (subject unknown) still shapes the boundary. */
  public static double[] balancedWeights(int[] classes, int k) {
    int[] counts = new int[k];
    for (int c : classes) {
      counts[c]++;
    }
    int present = (int) Arrays.stream(counts).filter(c -> c > 0).count();
    double[] out = new double[classes.length];
    for (int i = 0; i < classes.length; i++) {
      out[i] = classes.length / ((double) present * counts[classes[i]]);
    }
    return out;
  }

  private static final class Loss implements Objective {
    private final float[][] x;
    private final int[] y;
    private final int k;
    private final double[] s;
    private final double l2;
    private final int d;
    private final double totalWeight;

    Loss(float[][] x, int[] y, int k, double[] s, double l2) {
      this.x = x;
      this.y = y;
      this.k = k;
      this.s = s;
      this.l2 = l2;
      this.d = x.length == 0 ? 0 : x[0].length;
      this.totalWeight = Math.max(Arrays.stream(s).sum(), 1e-12);
    }

    @Override
    public int dimension() {
      return k * (d + 1);
    }

    @Override
    public double evaluate(double[] p, double[] grad) {
      Arrays.fill(grad, 0);
      double loss = 0;
      double[] z = new double[k];
      for (int i = 0; i < x.length; i++) {
        if (s[i] == 0) {
          continue;
        }
        float[] row = x[i];
        for (int c = 0; c < k; c++) {
          int o = c * (d + 1);
          double v = p[o + d];
          for (int j = 0; j < d; j++) {
            v += p[o + j] * row[j];
          }
          z[c] = v;
        }
        double[] prob = SoftmaxModel.softmax(z);
        loss -= s[i] * Math.log(Math.max(prob[y[i]], 1e-300));
        for (int c = 0; c < k; c++) {
          double g = s[i] * (prob[c] - (c == y[i] ? 1 : 0));
          int o = c * (d + 1);
          for (int j = 0; j < d; j++) {
            grad[o + j] += g * row[j];
          }
          grad[o + d] += g;
        }
      }
      loss /= totalWeight;
      for (int c = 0; c < k; c++) {
        int o = c * (d + 1);
        for (int j = 0; j <= d; j++) {
          grad[o + j] /= totalWeight;
        }
        for (int j = 0; j < d; j++) {
          loss += 0.5 * l2 * p[o + j] * p[o + j];
          grad[o + j] += l2 * p[o + j];
        }
      }
      return loss;
    }
  }
}
