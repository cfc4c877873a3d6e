package dev.lifeguard.training.learn;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Quality of one label's probabilities at a threshold: counts, precision, recall, F1, ROC AUC, and
 * expected calibration error over {@value #BINS} equal-width bins.
 */
public record BinaryMetrics(int n, int support, int tp, int fp, int fn, double precision, double recall, double f1,
    double auc, double ece) {
  public static final int BINS = 10;

  public static BinaryMetrics of(double[] p, boolean[] y, double threshold) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int support = 0;
    for (int i = 0; i < p.length; i++) {
      boolean flagged = p[i] >= threshold;
      support += y[i] ? 1 : 0;
      tp += flagged && y[i] ? 1 : 0;
      fp += flagged && !y[i] ? 1 : 0;
      fn += !flagged && y[i] ? 1 : 0;
    }
    double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    double recall = support == 0 ? 0 : tp / (double) support;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new BinaryMetrics(p.length, support, tp, fp, fn, precision, recall, f1, auc(p, y), ece(p, y));
  }

  /** Mean cross-entropy of probabilities against outcomes (clipped away from 0 and 1). */
  public static double logLoss(double[] p, boolean[] y) {
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double q = Math.min(Math.max(y[i] ? p[i] : 1 - p[i], 1e-15), 1);
      sum -= Math.log(q);
    }
    return p.length == 0 ? 0 : sum / p.length;
  }

  /** Probability that a random positive outscores a random negative (ties count half); NaN without both. */
  static double auc(double[] p, boolean[] y) {
    Integer[] order = new Integer[p.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double rankSumPos = 0;
    int positives = 0;
    for (int k = 0; k < order.length; ) {
      int end = k;
      while (end + 1 < order.length && p[order[end + 1]] == p[order[k]]) {
        end++;
      }
      double midRank = (k + end) / 2.0 + 1;
      for (int m = k; m <= end; m++) {
        if (y[order[m]]) {
          rankSumPos += midRank;
          positives++;
        }
      }
      k = end + 1;
    }
    int negatives = p.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSumPos - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  static double ece(double[] p, boolean[] y) {
    double[] sumP = new double[BINS];
    double[] sumY = new double[BINS];
    int[] count = new int[BINS];
    for (int i = 0; i < p.length; i++) {
      int b = Math.min(BINS - 1, (int) (p[i] * BINS));
      sumP[b] += p[i];
      sumY[b] += y[i] ? 1 : 0;
      count[b]++;
    }
    double ece = 0;
    for (int b = 0; b < BINS; b++) {
      if (count[b] > 0) {
        ece += Math.abs(sumP[b] - sumY[b]) / p.length;
      }
    }
    return p.length == 0 ? 0 : ece;
  }
}
