package dev.lifeguard.training;

import dev.lifeguard.training.learn.BinaryMetrics;
import dev.lifeguard.training.learn.Calibration;
import dev.lifeguard.training.learn.SoftmaxModel;
import dev.lifeguard.training.learn.SoftmaxRegression;
import dev.lifeguard.training.learn.Standardizer;
import dev.lifeguard.training.learn.Thresholds;
import java.util.ArrayList;
import java.util.List;

/**
 * A softmax group (the subject): out-of-fold logits → matrix scaling → per-class F1 thresholds →
 * final fit with standardisation and calibration folded in → held-out metrics per class.
 */
final class SoftmaxTrainer {
  private SoftmaxTrainer() {}

  record Fitted(float[][] weights, float[] bias, List<LabelResult> results) {}

  static <T> Fitted fit(HeadData<T> data, float[][] xs, Standardizer st, Target.Softmax<T> target,
      TrainingOptions o, List<String> skipped) {
    int k = target.labels().size();
    List<Integer> train = new ArrayList<>();
    List<Integer> held = new ArrayList<>();
    for (int i = 0; i < data.x().length; i++) {
      if (target.truth().apply(data.truths().get(i)) != null) {
        (data.heldOut()[i] ? held : train).add(i);
      }
    }
    int[] y = classes(data, target, train);
    int[] counts = new int[k];
    for (int c : y) {
      counts[c]++;
    }
    for (int c = 0; c < k; c++) {
      if (counts[c] < BinaryTrainer.MIN_PER_CLASS) {
        skipped.add(String.join("/", target.labels()) + ": only " + counts[c] + " training items of " + target.labels().get(c));
        return null;
      }
    }
    Selection best = select(data, xs, train, y, k, o);
    double[][] calibrated = best.calibrated;
    SoftmaxModel model = fitRows(xs, train, y, k, best.l2, o);
    float[][] w = new float[k][];
    float[] b = new float[k];
    fold(model, best.matrix, st, w, b);
    List<LabelResult> results = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      boolean[] isC = is(y, c);
      double[] pc = column(calibrated, c);
      double threshold = Thresholds.maxFBeta(pc, isC, MessageTargets.BALANCED);
      BinaryMetrics heldOut = held.isEmpty() ? null : measure(data, target, held, w, b, c, threshold);
      results.add(new LabelResult(target.labels().get(c), data.name(), counts[c], y.length - counts[c], best.l2,
          "softmax; max F1 out of fold", threshold, "matrix scaling over " + k + " logits",
          BinaryMetrics.of(pc, isC, threshold), heldOut));
    }
    return new Fitted(w, b, results);
  }

  /** The grid's L2 whose calibrated out-of-fold probabilities have the lowest log loss. */
  private record Selection(double l2, SoftmaxModel matrix, double[][] calibrated, double logLoss) {}

  private static Selection select(HeadData<?> data, float[][] xs, List<Integer> train, int[] y, int k, TrainingOptions o) {
    Selection best = null;
    for (double l2 : o.l2Grid()) {
      double[][] oof = outOfFold(data, xs, train, y, k, l2, o);
      SoftmaxModel matrix = Calibration.matrix(oof, y, k);
      double[][] calibrated = new double[oof.length][];
      double loss = 0;
      for (int i = 0; i < oof.length; i++) {
        calibrated[i] = SoftmaxModel.softmax(matrix.logits(toFloat(oof[i])));
        loss -= Math.log(Math.max(calibrated[i][y[i]], 1e-15)) / oof.length;
      }
      if (best == null || loss < best.logLoss) {
        best = new Selection(l2, matrix, calibrated, loss);
      }
    }
    return best;
  }

  private static double[][] outOfFold(HeadData<?> data, float[][] xs, List<Integer> train, int[] y, int k, double l2,
      TrainingOptions o) {
    double[][] oof = new double[train.size()][];
    for (int f = 0; f < o.folds(); f++) {
      List<Integer> fitIdx = new ArrayList<>();
      List<Integer> predictIdx = new ArrayList<>();
      for (int r = 0; r < train.size(); r++) {
        (data.fold()[train.get(r)] == f ? predictIdx : fitIdx).add(r);
      }
      if (predictIdx.isEmpty()) {
        continue;
      }
      int[] fitY = fitIdx.stream().mapToInt(r -> y[r]).toArray();
      SoftmaxModel m = fitRows(xs, fitIdx.stream().map(train::get).toList(), fitY, k, l2, o);
      for (int r : predictIdx) {
        oof[r] = m.logits(xs[train.get(r)]);
      }
    }
    return oof;
  }

  private static SoftmaxModel fitRows(float[][] xs, List<Integer> rows, int[] y, int k, double l2, TrainingOptions o) {
    float[][] x = rows.stream().map(i -> xs[i]).toArray(float[][]::new);
    return SoftmaxRegression.fit(x, y, k, SoftmaxRegression.balancedWeights(y, k), l2, o.maxIterations());
  }

  /** Calibrated logits = A·(B·(x−μ)/σ + b) + c = W·x + bias. */
  static void fold(SoftmaxModel model, SoftmaxModel matrix, Standardizer st, float[][] wOut, float[] bOut) {
    int k = model.classes();
    int d = st.mean().length;
    double[][] raw = new double[k][d];
    double[] rawBias = model.bias().clone();
    for (int m = 0; m < k; m++) {
      for (int j = 0; j < d; j++) {
        raw[m][j] = model.weights()[m][j] / st.scale()[j];
        rawBias[m] -= model.weights()[m][j] * st.mean()[j] / st.scale()[j];
      }
    }
    for (int c = 0; c < k; c++) {
      double[] a = matrix.weights()[c];
      wOut[c] = new float[d];
      for (int j = 0; j < d; j++) {
        double v = 0;
        for (int m = 0; m < k; m++) {
          v += a[m] * raw[m][j];
        }
        wOut[c][j] = (float) v;
      }
      double bias = matrix.bias()[c];
      for (int m = 0; m < k; m++) {
        bias += a[m] * rawBias[m];
      }
      bOut[c] = (float) bias;
    }
  }

  private static <T> BinaryMetrics measure(HeadData<T> data, Target.Softmax<T> target, List<Integer> held,
      float[][] w, float[] b, int c, double threshold) {
    double[][] wd = new double[w.length][];
    for (int m = 0; m < w.length; m++) {
      wd[m] = BinaryTrainer.toDouble(w[m]);
    }
    SoftmaxModel exported = new SoftmaxModel(wd, BinaryTrainer.toDouble(b));
    double[] p = new double[held.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = exported.probabilities(data.x()[held.get(i)])[c];
    }
    return BinaryMetrics.of(p, is(classes(data, target, held), c), threshold);
  }

  private static <T> int[] classes(HeadData<T> data, Target.Softmax<T> target, List<Integer> rows) {
    return rows.stream().mapToInt(i -> target.truth().apply(data.truths().get(i))).toArray();
  }

  private static boolean[] is(int[] y, int c) {
    boolean[] out = new boolean[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = y[i] == c;
    }
    return out;
  }

  private static double[] column(double[][] rows, int c) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i][c];
    }
    return out;
  }

  private static float[] toFloat(double[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) v[i];
    }
    return out;
  }
}
