package dev.lifeguard.training.learn;

import java.util.Arrays;
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
        h[j] = relu(z);
      }
      return h;
    }

    public double[] logits(float[] x) {
      return output(hidden(x));
    }

    /**
     * {@link #logits(float[])} of each row, the same bits: the first layer transposed to input-major
     * order, so each input adds its term to every unit in one pass, four rows at a time.
     */
    public double[][] logits(float[][] rows) {
      double[][] out = new double[rows.length][];
      int d = rows.length == 0 ? 0 : w1[0].length;
      int h = b1.length;
      double[] w = new double[d * h]; // exact: a float widened to double keeps its value
      for (int j = 0; j < h; j++) {
        for (int i = 0; i < d; i++) {
          w[i * h + j] = w1[j][i];
        }
      }
      double[][] z = new double[Dot.BLOCK][h];
      for (int r = 0; r < rows.length; r += Dot.BLOCK) {
        int n = Math.min(Dot.BLOCK, rows.length - r);
        for (int q = 0; q < n; q++) {
          for (int j = 0; j < h; j++) {
            z[q][j] = b1[j];
          }
        }
        if (n == Dot.BLOCK) {
          InputMajor.addTermsFour(w, h, d, Arrays.copyOfRange(rows, r, r + n), z);
        } else {
          for (int q = 0; q < n; q++) {
            InputMajor.addTerms(w, h, d, rows[r + q], z[q]);
          }
        }
        for (int q = 0; q < n; q++) {
          for (int j = 0; j < h; j++) {
            z[q][j] = relu(z[q][j]);
          }
          out[r + q] = output(z[q]);
        }
      }
      return out;
    }

    private double[] output(double[] h) {
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

  /**
   * The state of one fit: flattened parameters [w1, b1, w2, b2] and their Adam moments. The first
   * layer is stored input-major ({@link InputMajor}); {@link #parameters()} and {@link #model()} give it
   * by hidden unit.
   */
  static final class Trainer {
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
    /** The current batch's hidden activations, one row per batch row. */
    private final double[][] hiddenOut;
    /** The current batch's output-layer errors, one row per batch row. */
    private final double[][] outputDelta;
    /** The hidden units' errors of the rows {@link #hiddenGradientFour} is adding. */
    private final double[][] blockDelta;
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
      this.hiddenOut = new double[o.batchSize()][h];
      this.outputDelta = new double[o.batchSize()][k];
      this.blockDelta = new double[Dot.BLOCK][h];
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
      for (int j = 0; j < h; j++) { // drawn unit by unit, as the weights were first laid out
        for (int i = 0; i < d; i++) {
          p[i * h + j] = (2 * random.nextDouble() - 1) * a1;
        }
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

    /**
     * Gradient of the batch's loss; each row's loss is scaled by n / batch so steps do not depend on n.
     * Rows are taken four at a time where that saves passes over the weights, but every gradient entry
     * still receives its rows' terms in batch order: the bits are those of one row at a time. A row
     * whose unit was off adds 0·x to that unit's entries, which leaves their bits unchanged (they start
     * at +0 and so never hold −0).
     */
    private void gradient(int from, int to) {
      Arrays.fill(g, 0);
      forward(from, to);
      double scale = 1.0 / (to - from);
      for (int r = from; r < to; r++) {
        outputGradient(order[r], hiddenOut[r - from], outputDelta[r - from], scale);
      }
      int r = from;
      for (; r + Dot.BLOCK <= to; r += Dot.BLOCK) {
        hiddenGradientFour(r, from);
      }
      for (; r < to; r++) {
        hiddenGradient(x[order[r]], hiddenOut[r - from], outputDelta[r - from]);
      }
    }

    /** The output layer's error for one row into {@code dz2}, and its weights' gradient. */
    private void outputGradient(int row, double[] z1, double[] dz2, double scale) {
      int w2 = d * h + h;
      int b2 = w2 + h * k;
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
    }

    /** The error reaching each hidden unit, zero where the unit was off, into {@code dh}. */
    private void hiddenDelta(double[] z1, double[] dz2, double[] dh) {
      int w2 = d * h + h;
      for (int j = 0; j < h; j++) {
        if (z1[j] <= 0) {
          dh[j] = 0;
          continue;
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
          sum += dz2[c] * p[w2 + c * h + j];
        }
        dh[j] = sum;
      }
    }

    private void hiddenGradient(float[] xi, double[] z1, double[] dz2) {
      int b1 = d * h;
      double[] dh = blockDelta[0]; // free: the block rows are done before the tail
      hiddenDelta(z1, dz2, dh);
      InputMajor.accumulate(g, h, d, dh, xi);
      for (int j = 0; j < h; j++) {
        g[b1 + j] += dh[j];
      }
    }

    /** {@link #hiddenGradient} of four consecutive batch rows in one pass over the first layer's gradient. */
    private void hiddenGradientFour(int r, int from) {
      int b1 = d * h;
      int q = r - from;
      for (int b = 0; b < Dot.BLOCK; b++) {
        hiddenDelta(hiddenOut[q + b], outputDelta[q + b], blockDelta[b]);
      }
      InputMajor.accumulateFour(g, h, d, blockDelta, Dot.rows(x, order, r));
      for (double[] delta : blockDelta) {
        for (int j = 0; j < h; j++) {
          g[b1 + j] += delta[j];
        }
      }
    }

    /** Hidden activations of the batch's rows into {@link #hiddenOut}, four rows per pass over the weights. */
    private void forward(int from, int to) {
      int b1 = d * h;
      for (int r = from; r < to; r++) {
        System.arraycopy(p, b1, hiddenOut[r - from], 0, h);
      }
      int r = from;
      for (; r + Dot.BLOCK <= to; r += Dot.BLOCK) {
        InputMajor.addTermsFour(p, h, d, Dot.rows(x, order, r), Arrays.copyOfRange(hiddenOut, r - from, r - from + Dot.BLOCK));
      }
      for (; r < to; r++) {
        InputMajor.addTerms(p, h, d, x[order[r]], hiddenOut[r - from]);
      }
      for (int q = 0; q < to - from; q++) {
        double[] z = hiddenOut[q];
        for (int j = 0; j < h; j++) {
          z[j] = relu(z[j]);
        }
      }
    }

    private void adamStep() {
      step++;
      double c1 = 1 - StrictMath.pow(BETA1, step);
      double c2 = 1 - StrictMath.pow(BETA2, step);
      int b1 = d * h;
      int w2 = b1 + h;
      int b2 = w2 + h * k;
      // one loop per block, weights decayed and biases not: no per-element test of which block i is in
      adam(0, b1, c1, c2, true);
      adam(b1, w2, c1, c2, false);
      adam(w2, b2, c1, c2, true);
      adam(b2, p.length, c1, c2, false);
    }

    private void adam(int from, int to, double c1, double c2, boolean decay) {
      double lr = o.learningRate();
      double wd = o.weightDecay();
      for (int i = from; i < to; i++) {
        m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
        v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
        double update = (m[i] / c1) / (StrictMath.sqrt(v[i] / c2) + EPSILON);
        p[i] -= lr * (update + (decay ? wd * p[i] : 0));
      }
    }

    /** The gradient of the first {@code n} rows as one batch (before any epoch: rows in input order), for tests. */
    double[] batchGradient(int n) {
      gradient(0, n);
      return byUnit(g);
    }

    /** The parameters as they are, flattened [w1 by hidden unit, b1, w2 by output, b2], for tests. */
    double[] parameters() {
      return byUnit(p);
    }

    /** {@code flat} with its first layer reordered from input-major to one unit after another. */
    private double[] byUnit(double[] flat) {
      double[] out = flat.clone();
      for (int j = 0; j < h; j++) {
        for (int i = 0; i < d; i++) {
          out[j * d + i] = flat[i * h + j];
        }
      }
      return out;
    }

    Model model() {
      float[][] w1 = new float[h][d];
      float[] b1 = new float[h];
      float[][] w2 = new float[k][h];
      float[] b2 = new float[k];
      for (int j = 0; j < h; j++) {
        for (int i = 0; i < d; i++) {
          w1[j][i] = (float) p[i * h + j];
        }
      }
      int at = d * h;
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

  static double relu(double z) {
    return z > 0 ? z : 0;
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
  }
}
