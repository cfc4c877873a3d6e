package dev.lifeguard.training.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdsAndMetricsTest {
  private static final double[] P = {0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1};
  private static final boolean[] Y = {true, true, false, true, true, false, false, false};

  @Test
  void f1_threshold_sits_between_the_best_cut_and_the_next_score() {
    // flagging the top five (0.9…0.4) catches all four positives with one false alarm: F1 = 8/9
    assertEquals((0.4 + 0.3) / 2, Thresholds.maxFBeta(P, Y, 1), 1e-12);
  }

  @Test
  void recall_first_thresholds_are_never_above_balanced_ones() {
    assertTrue(Thresholds.maxFBeta(P, Y, 2) <= Thresholds.maxFBeta(P, Y, 1));
  }

  @Test
  void a_label_without_positives_falls_back() {
    assertEquals(Thresholds.FALLBACK, Thresholds.maxFBeta(P, new boolean[P.length], 1));
  }

  @Test
  void metrics_count_at_the_threshold() {
    BinaryMetrics m = BinaryMetrics.of(P, Y, 0.35);
    assertEquals(4, m.support());
    assertEquals(4, m.tp());
    assertEquals(1, m.fp());
    assertEquals(0, m.fn());
    assertEquals(0.8, m.precision(), 1e-12);
    assertEquals(1.0, m.recall(), 1e-12);
    assertEquals(14 / 16.0, m.auc(), 1e-12, "the negative at 0.7 outranks the positives at 0.6 and 0.4");
  }

  @Test
  void auc_counts_ties_as_half() {
    assertEquals(0.5, BinaryMetrics.auc(new double[] {0.5, 0.5}, new boolean[] {true, false}), 1e-12);
  }

  @Test
  void a_perfectly_calibrated_score_has_no_calibration_error() {
    double[] p = {0.25, 0.25, 0.25, 0.25};
    boolean[] y = {true, false, false, false};
    assertEquals(0, BinaryMetrics.ece(p, y), 1e-12);
  }
}
