package dev.lifeguard.training.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MlpTest {
  private static final Mlp.Options OPTIONS = new Mlp.Options(16, 1e-3, 1e-2, 32, 5);

  /** XOR of the signs of two coordinates: no linear model gets it, one hidden layer does. */
  private static float[][] xor(int n, long seed, double[][] y) {
    Random r = new Random(seed);
    float[][] x = new float[n][3];
    for (int i = 0; i < n; i++) {
      x[i][0] = (float) r.nextGaussian();
      x[i][1] = (float) r.nextGaussian();
      x[i][2] = (float) r.nextGaussian();
      boolean positive = x[i][0] * x[i][1] > 0;
      y[i][0] = positive ? 1 : 0;
      y[i][1] = i % 4 == 0 ? Double.NaN : x[i][2] > 0 ? 1 : 0; // a second output, not annotated on every row
    }
    return x;
  }

  @Test
  void learns_what_a_linear_probe_cannot_and_skips_unannotated_targets() {
    double[][] y = new double[600][2];
    float[][] x = xor(600, 1, y);
    Mlp.Model m = Mlp.fit(x, y, 60, OPTIONS, null);
    double[][] yTest = new double[300][2];
    float[][] test = xor(300, 2, yTest);
    int correct = 0;
    int correctSecond = 0;
    for (int i = 0; i < test.length; i++) {
      double[] z = m.logits(test[i]);
      correct += (z[0] > 0) == (yTest[i][0] > 0.5) ? 1 : 0;
      correctSecond += (z[1] > 0) == (test[i][2] > 0) ? 1 : 0;
    }
    assertTrue(correct > 0.9 * test.length, "xor accuracy " + correct);
    assertTrue(correctSecond > 0.9 * test.length, "second output accuracy " + correctSecond);
  }

  @Test
  void the_same_data_and_seed_give_the_same_weights() {
    double[][] y = new double[200][2];
    float[][] x = xor(200, 3, y);
    Mlp.Model a = Mlp.fit(x, y, 5, OPTIONS, null);
    Mlp.Model b = Mlp.fit(x, y, 5, OPTIONS, null);
    for (int j = 0; j < a.w1().length; j++) {
      assertArrayEquals(a.w1()[j], b.w1()[j]);
    }
    assertArrayEquals(a.b2(), b.b2());
  }
}
