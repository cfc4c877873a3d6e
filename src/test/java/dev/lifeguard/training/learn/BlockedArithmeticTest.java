package dev.lifeguard.training.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The trainers take rows four at a time ({@link Dot}) for speed. That must not change a single bit of
 * what they fit, or retraining on the same corpus would no longer reproduce the committed heads. Each
 * case is checked against the textbook one-row-at-a-time formula, with row counts that leave a tail
 * and rows that do not count.
 */
class BlockedArithmeticTest {
  private static final int D = 37;

  private static float[][] rows(int n, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[n][D];
    for (float[] row : x) {
      for (int j = 0; j < D; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    return x;
  }

  @Test
  void logistic_regression_fits_the_same_bits_as_one_row_at_a_time() {
    int n = 203;
    float[][] x = rows(n, 1);
    double[] y = new double[n];
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = x[i][0] + 0.3 * x[i][1] > 0 ? 1 : 0;
      s[i] = i % 7 == 3 ? 0 : 1 + i % 3; // some rows weigh nothing
    }
    BinaryModel fitted = LogisticRegression.fit(x, y, s, 0.01, 60);
    double[] reference = Lbfgs.minimize(new Objective() {
      @Override
      public int dimension() {
        return D + 1;
      }

      @Override
      public double evaluate(double[] p, double[] grad) {
        Arrays.fill(grad, 0);
        double loss = 0;
        double total = Arrays.stream(s).sum();
        for (int i = 0; i < n; i++) {
          if (s[i] == 0) {
            continue;
          }
          double z = p[D];
          for (int j = 0; j < D; j++) {
            z += p[j] * x[i][j];
          }
          loss += s[i] * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z);
          double g = s[i] * (BinaryModel.sigmoid(z) - y[i]);
          for (int j = 0; j < D; j++) {
            grad[j] += g * x[i][j];
          }
          grad[D] += g;
        }
        loss /= total;
        for (int j = 0; j <= D; j++) {
          grad[j] /= total;
        }
        for (int j = 0; j < D; j++) {
          loss += 0.5 * 0.01 * p[j] * p[j];
          grad[j] += 0.01 * p[j];
        }
        return loss;
      }
    }, new double[D + 1], 60, 1e-6);
    assertArrayEquals(Arrays.copyOf(reference, D), fitted.weights());
    assertEquals(reference[D], fitted.bias());
  }

  @Test
  void softmax_regression_fits_the_same_bits_as_one_row_at_a_time() {
    int n = 102;
    int k = 3;
    float[][] x = rows(n, 2);
    int[] c = new int[n];
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      c[i] = x[i][0] > 0.5 ? 0 : x[i][1] > 0 ? 1 : 2;
      s[i] = i % 5 == 0 ? 0 : 0.5 + i % 2;
    }
    SoftmaxModel fitted = SoftmaxRegression.fit(x, c, k, s, 0.01, 40);
    double[] reference = Lbfgs.minimize(new Objective() {
      @Override
      public int dimension() {
        return k * (D + 1);
      }

      @Override
      public double evaluate(double[] p, double[] grad) {
        Arrays.fill(grad, 0);
        double loss = 0;
        double total = Math.max(Arrays.stream(s).sum(), 1e-12);
        for (int i = 0; i < n; i++) {
          if (s[i] == 0) {
            continue;
          }
          double[] z = new double[k];
          for (int q = 0; q < k; q++) {
            z[q] = p[q * (D + 1) + D];
            for (int j = 0; j < D; j++) {
              z[q] += p[q * (D + 1) + j] * x[i][j];
            }
          }
          double[] prob = SoftmaxModel.softmax(z);
          loss -= s[i] * Math.log(Math.max(prob[c[i]], 1e-300));
          for (int q = 0; q < k; q++) {
            double g = s[i] * (prob[q] - (q == c[i] ? 1 : 0));
            for (int j = 0; j < D; j++) {
              grad[q * (D + 1) + j] += g * x[i][j];
            }
            grad[q * (D + 1) + D] += g;
          }
        }
        loss /= total;
        for (int q = 0; q < k; q++) {
          for (int j = 0; j <= D; j++) {
            grad[q * (D + 1) + j] /= total;
          }
          for (int j = 0; j < D; j++) {
            loss += 0.5 * 0.01 * p[q * (D + 1) + j] * p[q * (D + 1) + j];
            grad[q * (D + 1) + j] += 0.01 * p[q * (D + 1) + j];
          }
        }
        return loss;
      }
    }, new double[k * (D + 1)], 40, 1e-6);
    for (int q = 0; q < k; q++) {
      assertArrayEquals(Arrays.copyOfRange(reference, q * (D + 1), q * (D + 1) + D), fitted.weights()[q]);
      assertEquals(reference[q * (D + 1) + D], fitted.bias()[q]);
    }
  }

  @Test
  void the_mlp_batch_gradient_has_the_same_bits_as_one_row_at_a_time() {
    int n = 23; // five blocks of four and a tail of three
    int h = 9;
    float[][] x = rows(n, 3);
    double[][] y = new double[n][2];
    for (int i = 0; i < n; i++) {
      y[i][0] = x[i][0] * x[i][1] > 0 ? 1 : 0;
      y[i][1] = i % 4 == 1 ? Double.NaN : x[i][2] > 0 ? 1 : 0;
    }
    Mlp.Trainer trainer = new Mlp.Trainer(x, y, new Mlp.Options(h, 1e-3, 1e-2, n, 11));
    double[] p = trainer.parameters();
    assertArrayEquals(referenceGradient(p, x, y, h), trainer.batchGradient(n));
  }

  /** Class-balanced mean cross-entropy over annotated outputs, back-propagated row by row. */
  private static double[] referenceGradient(double[] p, float[][] x, double[][] y, int h) {
    int k = y[0].length;
    int b1 = D * h;
    int w2 = b1 + h;
    int b2 = w2 + h * k;
    double[] pos = new double[k];
    double[] neg = new double[k];
    for (int c = 0; c < k; c++) {
      int annotated = 0;
      int positives = 0;
      for (double[] row : y) {
        annotated += Double.isNaN(row[c]) ? 0 : 1;
        positives += row[c] > 0.5 ? 1 : 0;
      }
      pos[c] = annotated / (2.0 * positives);
      neg[c] = annotated / (2.0 * (annotated - positives));
    }
    double[] g = new double[p.length];
    double scale = 1.0 / x.length;
    for (int r = 0; r < x.length; r++) {
      double[] z1 = new double[h];
      for (int j = 0; j < h; j++) {
        double z = p[b1 + j];
        for (int i = 0; i < D; i++) {
          z += p[j * D + i] * x[r][i];
        }
        z1[j] = z > 0 ? z : 0;
      }
      double[] dz2 = new double[k];
      for (int c = 0; c < k; c++) {
        if (Double.isNaN(y[r][c])) {
          continue;
        }
        double z = p[b2 + c];
        for (int j = 0; j < h; j++) {
          z += p[w2 + c * h + j] * z1[j];
        }
        double w = y[r][c] > 0.5 ? pos[c] : neg[c];
        dz2[c] = w * (Mlp.sigmoid(z) - y[r][c]) * scale;
        for (int j = 0; j < h; j++) {
          g[w2 + c * h + j] += dz2[c] * z1[j];
        }
        g[b2 + c] += dz2[c];
      }
      for (int j = 0; j < h; j++) {
        if (z1[j] <= 0) {
          continue;
        }
        double dh = 0;
        for (int c = 0; c < k; c++) {
          dh += dz2[c] * p[w2 + c * h + j];
        }
        for (int i = 0; i < D; i++) {
          g[j * D + i] += dh * x[r][i];
        }
        g[b1 + j] += dh;
      }
    }
    return g;
  }

  @Test
  void mlp_logits_of_many_rows_match_one_row_at_a_time() {
    double[][] y = new double[40][1];
    float[][] x = rows(40, 4);
    for (int i = 0; i < 40; i++) {
      y[i][0] = x[i][0] > 0 ? 1 : 0;
    }
    Mlp.Model m = Mlp.fit(x, y, 3, new Mlp.Options(8, 1e-3, 1e-2, 16, 5), null);
    float[][] some = Arrays.copyOf(x, 11);
    double[][] many = m.logits(some);
    for (int i = 0; i < some.length; i++) {
      assertArrayEquals(m.logits(some[i]), many[i]);
    }
  }
}
