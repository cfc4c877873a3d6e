package dev.lifeguard.training.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

  /** Two Gaussian blobs, separable along the first dimension. */
  private static float[][] blobs(int n, long seed, boolean[] yOut) {
    Random r = new Random(seed);
    float[][] x = new float[n][3];
    for (int i = 0; i < n; i++) {
      yOut[i] = i % 3 == 0; // imbalanced: a third positive
      x[i][0] = (float) ((yOut[i] ? 2 : -2) + 0.5 * r.nextGaussian());
      x[i][1] = (float) r.nextGaussian();
      x[i][2] = (float) r.nextGaussian();
    }
    return x;
  }

  private static double[] targets(boolean[] y) {
    double[] t = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      t[i] = y[i] ? 1 : 0;
    }
    return t;
  }

  @Test
  void learns_a_separable_problem() {
    boolean[] y = new boolean[300];
    float[][] x = blobs(300, 1, y);
    BinaryModel m = LogisticRegression.fit(x, targets(y), LogisticRegression.balancedWeights(y), 1e-3, 200);
    int correct = 0;
    for (int i = 0; i < x.length; i++) {
      correct += (m.probability(x[i]) >= 0.5) == y[i] ? 1 : 0;
    }
    assertEquals(300, correct, "a separable problem is fitted exactly");
    assertTrue(Math.abs(m.weights()[0]) > 5 * Math.abs(m.weights()[1]), "the informative dimension dominates");
  }

  @Test
  void the_same_data_gives_the_same_bits() {
    boolean[] y = new boolean[200];
    float[][] x = blobs(200, 2, y);
    BinaryModel a = LogisticRegression.fit(x, targets(y), LogisticRegression.balancedWeights(y), 1e-2, 100);
    BinaryModel b = LogisticRegression.fit(x, targets(y), LogisticRegression.balancedWeights(y), 1e-2, 100);
    assertArrayEquals(a.weights(), b.weights());
    assertEquals(a.bias(), b.bias());
  }

  @Test
  void a_stronger_penalty_shrinks_the_weights() {
    boolean[] y = new boolean[200];
    float[][] x = blobs(200, 3, y);
    double weak = Math.abs(LogisticRegression.fit(x, targets(y), LogisticRegression.balancedWeights(y), 1e-3, 200).weights()[0]);
    double strong = Math.abs(LogisticRegression.fit(x, targets(y), LogisticRegression.balancedWeights(y), 1.0, 200).weights()[0]);
    assertTrue(strong < weak, strong + " vs " + weak);
  }

  @Test
  void softmax_regression_separates_three_classes() {
    Random r = new Random(4);
    int n = 300;
    float[][] x = new float[n][2];
    int[] c = new int[n];
    double[][] centres = {{3, 0}, {-3, 0}, {0, 3}};
    for (int i = 0; i < n; i++) {
      c[i] = i % 3;
      x[i][0] = (float) (centres[c[i]][0] + 0.5 * r.nextGaussian());
      x[i][1] = (float) (centres[c[i]][1] + 0.5 * r.nextGaussian());
    }
    SoftmaxModel m = SoftmaxRegression.fit(x, c, 3, SoftmaxRegression.balancedWeights(c, 3), 1e-3, 200);
    for (int i = 0; i < n; i++) {
      double[] p = m.probabilities(x[i]);
      assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
      assertTrue(p[c[i]] > 0.5, "item " + i);
    }
  }

  @Test
  void platt_scaling_recovers_frequencies_from_overconfident_logits() {
    // the true probability is sigmoid(z / 4): logits four times too confident
    Random r = new Random(5);
    int n = 4000;
    double[] z = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      z[i] = 8 * r.nextGaussian();
      y[i] = r.nextDouble() < BinaryModel.sigmoid(z[i] / 4);
    }
    BinaryModel platt = Calibration.platt(z, y);
    assertEquals(0.25, platt.weights()[0], 0.05);
    assertEquals(0.0, platt.bias(), 0.15);
  }

  @Test
  void lbfgs_finds_the_minimum_of_a_quadratic() {
    Objective bowl = new Objective() {
      public int dimension() {
        return 2;
      }

      public double evaluate(double[] x, double[] g) {
        g[0] = 2 * (x[0] - 3);
        g[1] = 20 * (x[1] + 1);
        return (x[0] - 3) * (x[0] - 3) + 10 * (x[1] + 1) * (x[1] + 1);
      }
    };
    double[] min = Lbfgs.minimize(bowl, new double[] {0, 0}, 100, 1e-9);
    assertEquals(3, min[0], 1e-6);
    assertEquals(-1, min[1], 1e-6);
  }
}
