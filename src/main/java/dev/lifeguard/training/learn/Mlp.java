package dev.lifeguard.training.learn;

import java.util.Random;

/**
 * A one-hidden-layer perceptron with ReLU units and several independent sigmoid outputs that share
 * the hidden layer, fitted with mini-batch AdamW on the class-balanced mean cross-entropy of each
 * output. Outputs a row does not annotate (NaN targets) are left out of that output's loss.
 *
 * <p>Deterministic: the initial weights and the order of the mini-batches come from one
 * {@link Random} seeded by {@link Options#seed()}, the arithmetic is sequential, and
 * {@link StrictMath} is used for exp/log, so the same data and options give the same bits on any JVM.
 */
public final class Mlp {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private Mlp() {}

  /**
   * @param hidden       hidden ReLU units
   * @param weightDecay  decoupled (AdamW) decay of the weights, not the biases, per step and unit of learning rate
   * @param learningRate AdamW step size
   * @param batchSize    rows per step
   * @param seed         initial weights and batch order
   */
  public record Options(int hidden, double weightDecay, double learningRate, int batchSize, long seed) {
    public Options {
      if (hidden < 1 || batchSize < 1 || learningRate <= 0 || weightDecay < 0) {
        throw new IllegalArgumentException("invalid MLP options " + hidden + "/" + weightDecay + "/" + learningRate + "/" + batchSize);
      }
    }
  }

  /** Called after every epoch (1-based) with the weights as they are then. */
  public interface EpochListener {
    void after(int epoch, Model model);
  }

  /**
   * Fitted weights: {@code logits = w2 · relu(w1 · x + b1) + b2}.
   *
   * @param w1 [hidden][input]
   * @param w2 [outputs][hidden]
   */
  public record Model(float[][] w1, float[] b1, float[][] w2, float[] b2) {

    public int outputs() {
      return b2.length;
    }

    public double[] hidden(float[] x) {
      double[] h = new double[b1.length];
      for (int j = 0; j < h.length; j++) {
        float[] w = w1[j];
        double z = b1[j];
        for (int i = 0; i < w.length; i++) {
          z += (double) w[i] * x[i];
        }
        h[j] = z > 0 ? z : 0;
      }
      return h;
    }

    public double[] logits(float[] x) {
      double[] h = hidden(x);
      double[] out = new double[b2.length];
      for (int k = 0; k < out.length; k++) {
        double z = b2[k];
        for (int j = 0; j < h.length; j++) {
          z += w2[k][j] * h[j];
        }
        out[k] = z;
      }
      return out;
    }
  }

  /**
   * Fits {@code epochs} passes over the rows.
   *
   * @param y one row of targets per input row: 1, 0 or NaN (not annotated)
   */
  public static Model fit(float[][] x, double[][] y, int epochs, Options o, EpochListener listener) {
    Trainer t = new Trainer(x, y, o);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      t.epoch();
      if (listener != null) {
        listener.after(epoch, t.model());
      }
    }
    return t.model();
  }

  /** The state of one fit: flattened parameters [w1, b1, w2, b2] and their Adam moments. */
  private static final class Trainer {
    private final float[][] x;
    private final double[][] y;
    private final Options o;
    private final int d;
    private final int h;
    private final int k;
    private final double[] p;
    private final double[] m;
    private final double[] v;
    private final double[] g;
    /** Per output: weight of a positive and of a negative row (balanced, mean over annotated rows). */
    private final double[] posWeight;
    private final double[] negWeight;
    private final Random random;
    private final int[] order;
    private long step;

    Trainer(float[][] x, double[][] y, Options o) {
      this.x = x;
      this.y = y;
      this.o = o;
      this.d = x[0].length;
      this.h = o.hidden();
      this.k = y[0].length;
      int n = d * h + h + h * k + k;
      this.p = new double[n];
      this.m = new double[n];
      this.v = new double[n];
      this.g = new double[n];
      this.random = new Random(o.seed());
      this.order = new int[x.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      this.posWeight = new double[k];
      this.negWeight = new double[k];
      balance();
      initialise();
    }

    /** As {@link LogisticRegression#balancedWeights}: positives and negatives of an output weigh the same in all. */
    private void balance() {
      for (int c = 0; c < k; c++) {
        int pos = 0;
        int annotated = 0;
        for (double[] row : y) {
          if (!Double.isNaN(row[c])) {
            annotated++;
            pos += row[c] > 0.5 ? 1 : 0;
          }
        }
        posWeight[c] = pos == 0 ? 0 : annotated / (2.0 * pos);
        negWeight[c] = pos == annotated ? 0 : annotated / (2.0 * (annotated - pos));
      }
    }

    /** He-uniform weights for the ReLU layer, Glorot-uniform for the outputs, zero biases. */
    private void initialise() {
      double a1 = Math.sqrt(6.0 / d);
      for (int i = 0; i < d * h; i++) {
        p[i] = (2 * random.nextDouble() - 1) * a1;
      }
      double a2 = Math.sqrt(6.0 / (h + k));
      int w2 = d * h + h;
      for (int i = 0; i < h * k; i++) {
        p[w2 + i] = (2 * random.nextDouble() - 1) * a2;
      }
    }

    void epoch() {
      for (int i = order.length - 1; i > 0; i--) { // Fisher–Yates
        int j = random.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      for (int from = 0; from < order.length; from += o.batchSize()) {
        int to = Math.min(order.length, from + o.batchSize());
        gradient(from, to);
        adamStep();
      }
    }

    /** Gradient of the batch's loss; each row's loss is scaled by n / batch so steps do not depend on n. */
    private void gradient(int from, int to) {
      java.util.Arrays.fill(g, 0);
      int b1 = d * h;
      int w2 = b1 + h;
      int b2 = w2 + h * k;
      double[] z1 = new double[h];
      double[] dz2 = new double[k];
      double scale = 1.0 / (to - from);
      for (int r = from; r < to; r++) {
        int row = order[r];
        float[] xi = x[row];
        for (int j = 0; j < h; j++) {
          double z = p[b1 + j];
          int off = j * d;
          for (int i = 0; i < d; i++) {
            z += p[off + i] * xi[i];
          }
          z1[j] = z > 0 ? z : 0;
        }
        for (int c = 0; c < k; c++) {
          double target = y[row][c];
          if (Double.isNaN(target)) {
            dz2[c] = 0;
            continue;
          }
          double z = p[b2 + c];
          int off = w2 + c * h;
          for (int j = 0; j < h; j++) {
            z += p[off + j] * z1[j];
          }
          double w = target > 0.5 ? posWeight[c] : negWeight[c];
          dz2[c] = w * (sigmoid(z) - target) * scale;
        }
        for (int c = 0; c < k; c++) {
          if (dz2[c] == 0) {
            continue;
          }
          int off = w2 + c * h;
          for (int j = 0; j < h; j++) {
            g[off + j] += dz2[c] * z1[j];
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
          if (dh == 0) {
            continue;
          }
          int off = j * d;
          for (int i = 0; i < d; i++) {
            g[off + i] += dh * xi[i];
          }
          g[b1 + j] += dh;
        }
      }
    }

    private void adamStep() {
      step++;
      double c1 = 1 - StrictMath.pow(BETA1, step);
      double c2 = 1 - StrictMath.pow(BETA2, step);
      double lr = o.learningRate();
      int b1 = d * h;
      int w2 = b1 + h;
      int b2 = w2 + h * k;
      for (int i = 0; i < p.length; i++) {
        m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
        v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
        double update = (m[i] / c1) / (StrictMath.sqrt(v[i] / c2) + EPSILON);
        boolean bias = i >= b1 && i < w2 || i >= b2;
        p[i] -= lr * (update + (bias ? 0 : o.weightDecay() * p[i]));
      }
    }

    Model model() {
      float[][] w1 = new float[h][d];
      float[] b1 = new float[h];
      float[][] w2 = new float[k][h];
      float[] b2 = new float[k];
      int at = 0;
      for (int j = 0; j < h; j++) {
        for (int i = 0; i < d; i++) {
          w1[j][i] = (float) p[at++];
        }
      }
      for (int j = 0; j < h; j++) {
        b1[j] = (float) p[at++];
      }
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < h; j++) {
          w2[c][j] = (float) p[at++];
        }
      }
      for (int c = 0; c < k; c++) {
        b2[c] = (float) p[at++];
      }
      return new Model(w1, b1, w2, b2);
    }
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
  }
}
