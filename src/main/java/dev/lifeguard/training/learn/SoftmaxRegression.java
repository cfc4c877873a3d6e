package dev.lifeguard.training.learn;

import java.util.Arrays;
import java.util.stream.IntStream;

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
    /** Rows with a non-zero weight, in order. */
    private final int[] active;

    Loss(float[][] x, int[] y, int k, double[] s, double l2) {
      this.x = x;
      this.y = y;
      this.k = k;
      this.s = s;
      this.l2 = l2;
      this.d = x.length == 0 ? 0 : x[0].length;
      this.totalWeight = Math.max(Arrays.stream(s).sum(), 1e-12);
      this.active = IntStream.range(0, s.length).filter(i -> s[i] != 0).toArray();
    }

    @Override
    public int dimension() {
      return k * (d + 1);
    }

    @Override
    public double evaluate(double[] p, double[] grad) {
      Arrays.fill(grad, 0);
      double loss = 0;
      // rows four at a time (Dot); every sum still runs in row order, so the result is bit-identical
      double[][] z = new double[Dot.BLOCK][k];
      double[] four = new double[Dot.BLOCK];
      double[] g = new double[Dot.BLOCK];
      int at = 0;
      for (; at + Dot.BLOCK <= active.length; at += Dot.BLOCK) {
        float[][] rows = Dot.rows(x, active, at);
        for (int c = 0; c < k; c++) {
          int o = c * (d + 1);
          Dot.four(p, o, d, p[o + d], rows, four);
          for (int q = 0; q < Dot.BLOCK; q++) {
            z[q][c] = four[q];
          }
        }
        double[][] prob = new double[Dot.BLOCK][];
        for (int q = 0; q < Dot.BLOCK; q++) {
          int i = active[at + q];
          prob[q] = SoftmaxModel.softmax(z[q]);
          loss -= s[i] * Math.log(Math.max(prob[q][y[i]], 1e-300));
        }
        for (int c = 0; c < k; c++) {
          for (int q = 0; q < Dot.BLOCK; q++) {
            int i = active[at + q];
            g[q] = s[i] * (prob[q][c] - (c == y[i] ? 1 : 0));
          }
          int o = c * (d + 1);
          Dot.accumulate(grad, o, d, g, rows);
          grad[o + d] = Dot.sum(grad[o + d], g);
        }
      }
      double[] zi = new double[k];
      for (; at < active.length; at++) {
        int i = active[at];
        float[] row = x[i];
        for (int c = 0; c < k; c++) {
          int o = c * (d + 1);
          zi[c] = Dot.one(p, o, d, p[o + d], row);
        }
        double[] prob = SoftmaxModel.softmax(zi);
        loss -= s[i] * Math.log(Math.max(prob[y[i]], 1e-300));
        for (int c = 0; c < k; c++) {
          double gc = s[i] * (prob[c] - (c == y[i] ? 1 : 0));
          int o = c * (d + 1);
          Dot.accumulate(grad, o, d, gc, row);
          grad[o + d] += gc;
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
