package dev.lifeguard.training.learn;

import java.util.Arrays;
import java.util.Comparator;

/** Decision thresholds chosen on out-of-fold calibrated probabilities. */
public final class Thresholds {
  /** Used when a label has no positive (or no negative) example to choose from. */
  public static final double FALLBACK = 0.5;

  private Thresholds() {}

  /**
   * The threshold that maximises F-beta (beta 2 weighs recall twice as much as precision). It sits
   * half-way between the lowest score flagged and the next score below, so near-ties on new data
   * fall on the side the data chose.
   */
  public static double maxFBeta(double[] p, boolean[] y, double beta) {
    int positives = 0;
    for (boolean v : y) {
      positives += v ? 1 : 0;
    }
    if (positives == 0 || positives == y.length) {
      return FALLBACK;
    }
    Integer[] order = new Integer[p.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]).thenComparingInt(i -> i));
    double b2 = beta * beta;
    double best = -1;
    int bestAt = 0;
    int tp = 0;
    for (int k = 0; k < order.length; k++) {
      tp += y[order[k]] ? 1 : 0;
      boolean boundary = k == order.length - 1 || p[order[k + 1]] < p[order[k]];
      if (!boundary) {
        continue;
      }
      int flagged = k + 1;
      double f = (1 + b2) * tp / (b2 * positives + flagged);
      if (f > best) {
        best = f;
        bestAt = k;
      }
    }
    double lowestFlagged = p[order[bestAt]];
    double nextBelow = bestAt + 1 < order.length ? p[order[bestAt + 1]] : 0;
    return (lowestFlagged + nextBelow) / 2;
  }
}
