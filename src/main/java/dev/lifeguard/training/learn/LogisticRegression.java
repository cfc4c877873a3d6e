package dev.lifeguard.training.learn;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Weighted binary logistic regression with an L2 penalty on the weights (not the bias), fitted
 * with L-BFGS. The loss is the weighted mean cross-entropy, so {@code l2} does not depend on n.
 * Targets may be soft (in [0, 1]), which Platt scaling uses.
 */
public final class LogisticRegression {
  private LogisticRegression() {}

  public static BinaryModel fit(float[][] x, double[] targets, double[] sampleWeights, double l2, int maxIterations) {
    int d = x.length == 0 ? 0 : x[0].length;
    Loss loss = new Loss(x, targets, sampleWeights, l2);
    double[] params = Lbfgs.minimize(loss, new double[d + 1], maxIterations, 1e-6);
    double[] w = new double[d];
    System.arraycopy(params, 0, w, 0, d);
    return new BinaryModel(w, params[d]);
  }

  /** Equal total weight for positives and negatives: rare labels are not drowned by the majority. */
  public static double[] balancedWeights(boolean[] y) {
    int positives = 0;
    for (boolean v : y) {
      positives += v ? 1 : 0;
    }
    int n = y.length;
    double wPos = positives == 0 ? 0 : n / (2.0 * positives);
    double wNeg = positives == n ? 0 : n / (2.0 * (n - positives));
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = y[i] ? wPos : wNeg;
    }
    return out;
  }

  private static final class Loss implements Objective {
    private final float[][] x;
    private final double[] y;
    private final double[] s;
    private final double l2;
    private final int d;
    private final double totalWeight;
    /** Rows with a non-zero weight, in order. */
    private final int[] active;

    Loss(float[][] x, double[] y, double[] s, double l2) {
      this.x = x;
      this.y = y;
      this.s = s;
      this.l2 = l2;
      this.d = x.length == 0 ? 0 : x[0].length;
      double t = 0;
      for (double v : s) {
        t += v;
      }
      this.totalWeight = t == 0 ? 1 : t;
      this.active = IntStream.range(0, s.length).filter(i -> s[i] != 0).toArray();
    }

    @Override
    public int dimension() {
      return d + 1;
    }

    @Override
    public double evaluate(double[] p, double[] grad) {
      Arrays.fill(grad, 0);
      double loss = 0;
      double[] z = new double[Dot.BLOCK];
      double[] g = new double[Dot.BLOCK];
      // rows four at a time (Dot); every sum still runs in row order, so the result is bit-identical
      int at = 0;
      for (; at + Dot.BLOCK <= active.length; at += Dot.BLOCK) {
        float[][] rows = Dot.rows(x, active, at);
        Dot.four(p, 0, d, p[d], rows, z);
        for (int q = 0; q < Dot.BLOCK; q++) {
          int i = active[at + q];
          loss += rowLoss(i, z[q]);
          g[q] = s[i] * (BinaryModel.sigmoid(z[q]) - y[i]);
        }
        Dot.accumulate(grad, 0, d, g, rows);
        grad[d] = Dot.sum(grad[d], g);
      }
      for (; at < active.length; at++) {
        int i = active[at];
        float[] row = x[i];
        double zi = Dot.one(p, 0, d, p[d], row);
        loss += rowLoss(i, zi);
        double gi = s[i] * (BinaryModel.sigmoid(zi) - y[i]);
        Dot.accumulate(grad, 0, d, gi, row);
        grad[d] += gi;
      }
      loss /= totalWeight;
      for (int j = 0; j <= d; j++) {
        grad[j] /= totalWeight;
      }
      for (int j = 0; j < d; j++) {
        loss += 0.5 * l2 * p[j] * p[j];
        grad[j] += l2 * p[j];
      }
      return loss;
    }

    /** Weighted log(1 + e^z) - y z, computed without overflow. */
    private double rowLoss(int i, double z) {
      return s[i] * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z);
    }
  }
}
