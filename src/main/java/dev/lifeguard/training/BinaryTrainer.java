package dev.lifeguard.training;

import dev.lifeguard.training.learn.BinaryMetrics;
import dev.lifeguard.training.learn.BinaryModel;
import dev.lifeguard.training.learn.Calibration;
import dev.lifeguard.training.learn.LogisticRegression;
import dev.lifeguard.training.learn.Standardizer;
import dev.lifeguard.training.learn.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One sigmoid label: out-of-fold logits on the training split → Platt scaling and an F-beta
 * threshold → a final fit on the whole training split, with standardisation and calibration folded
 * into one weight row → metrics on the held-out split.
 */
final class BinaryTrainer {
  /** Fewer than this many positives (or negatives) in training: the label is skipped, not guessed. */
  static final int MIN_PER_CLASS = 2;

  private BinaryTrainer() {}

  record Fitted(float[] weights, float bias, LabelResult result) {}

  /** The fitted row, or null (with the reason added to {@code skipped}) when data is too thin. */
  static <T> Fitted fit(HeadData<T> data, float[][] xs, Standardizer st, Target.Binary<T> target,
      TrainingOptions o, List<String> skipped) {
    List<Integer> train = new ArrayList<>();
    List<Integer> held = new ArrayList<>();
    for (int i = 0; i < data.x().length; i++) {
      Boolean truth = target.truth().apply(data.truths().get(i));
      if (truth != null) {
        (data.heldOut()[i] ? held : train).add(i);
      }
    }
    boolean[] y = truths(data, target, train);
    int positives = count(y);
    if (positives < MIN_PER_CLASS || y.length - positives < MIN_PER_CLASS) {
      skipped.add(target.label() + ": " + positives + " positive and " + (y.length - positives) + " negative training items");
      return null;
    }
    Selection best = select(data, xs, train, y, o);
    double threshold = Thresholds.maxFBeta(best.calibrated, y, target.beta());
    BinaryModel model = fitRows(xs, train, y, best.l2, o);
    Fitted folded = fold(model, best.platt, st);
    BinaryMetrics heldOut = held.isEmpty() ? null : measure(data, target, held, folded, threshold);
    String calibration = String.format(Locale.ROOT, "platt a=%.4f b=%.4f", best.platt.weights()[0], best.platt.bias());
    LabelResult result = new LabelResult(target.label(), data.name(), positives, y.length - positives, best.l2,
        "max F" + fmt(target.beta()) + " out of fold", threshold, calibration,
        BinaryMetrics.of(best.calibrated, y, threshold), heldOut);
    return new Fitted(folded.weights(), folded.bias(), result);
  }

  /** The grid's L2 whose calibrated out-of-fold probabilities have the lowest log loss. */
  private record Selection(double l2, BinaryModel platt, double[] calibrated, double logLoss) {}

  private static Selection select(HeadData<?> data, float[][] xs, List<Integer> train, boolean[] y, TrainingOptions o) {
    Selection best = null;
    for (double l2 : o.l2Grid()) { // strongest first: a tie keeps the simpler model
      double[] oof = outOfFold(data, xs, train, y, l2, o);
      BinaryModel platt = Calibration.platt(oof, y);
      double[] calibrated = new double[oof.length];
      for (int i = 0; i < oof.length; i++) {
        calibrated[i] = platt.probability(new float[] {(float) oof[i]});
      }
      double loss = BinaryMetrics.logLoss(calibrated, y);
      if (best == null || loss < best.logLoss) {
        best = new Selection(l2, platt, calibrated, loss);
      }
    }
    return best;
  }

  private static double[] outOfFold(HeadData<?> data, float[][] xs, List<Integer> train, boolean[] y, double l2,
      TrainingOptions o) {
    double[] oof = new double[train.size()];
    for (int f = 0; f < o.folds(); f++) {
      List<Integer> fitIdx = new ArrayList<>();
      List<Integer> predictIdx = new ArrayList<>();
      for (int r = 0; r < train.size(); r++) {
        (data.fold()[train.get(r)] == f ? predictIdx : fitIdx).add(r);
      }
      if (predictIdx.isEmpty()) {
        continue;
      }
      BinaryModel m = fitRows(xs, fitIdx.stream().map(train::get).toList(), subset(y, fitIdx), l2, o);
      for (int r : predictIdx) {
        oof[r] = m.logit(xs[train.get(r)]);
      }
    }
    return oof;
  }

  private static BinaryModel fitRows(float[][] xs, List<Integer> rows, boolean[] y, double l2, TrainingOptions o) {
    float[][] x = rows.stream().map(i -> xs[i]).toArray(float[][]::new);
    double[] targets = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      targets[i] = y[i] ? 1 : 0;
    }
    return LogisticRegression.fit(x, targets, LogisticRegression.balancedWeights(y), l2, o.maxIterations());
  }

  /** calibrated logit = a·(β·(x−μ)/σ + b0) + c = w·x + bias. */
  static Fitted fold(BinaryModel model, BinaryModel platt, Standardizer st) {
    double a = platt.weights()[0];
    double[] beta = model.weights();
    float[] w = new float[beta.length];
    double shift = 0;
    for (int j = 0; j < beta.length; j++) {
      w[j] = (float) (a * beta[j] / st.scale()[j]);
      shift += beta[j] * st.mean()[j] / st.scale()[j];
    }
    return new Fitted(w, (float) (a * (model.bias() - shift) + platt.bias()), null);
  }

  private static <T> BinaryMetrics measure(HeadData<T> data, Target.Binary<T> target, List<Integer> held, Fitted f,
      double threshold) {
    double[] p = new double[held.size()];
    boolean[] y = truths(data, target, held);
    BinaryModel exported = new BinaryModel(toDouble(f.weights()), f.bias());
    for (int i = 0; i < p.length; i++) {
      p[i] = exported.probability(data.x()[held.get(i)]);
    }
    return BinaryMetrics.of(p, y, threshold);
  }

  private static <T> boolean[] truths(HeadData<T> data, Target.Binary<T> target, List<Integer> rows) {
    boolean[] y = new boolean[rows.size()];
    for (int r = 0; r < y.length; r++) {
      y[r] = target.truth().apply(data.truths().get(rows.get(r)));
    }
    return y;
  }

  private static boolean[] subset(boolean[] y, List<Integer> idx) {
    boolean[] out = new boolean[idx.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = y[idx.get(i)];
    }
    return out;
  }

  static int count(boolean[] y) {
    int n = 0;
    for (boolean v : y) {
      n += v ? 1 : 0;
    }
    return n;
  }

  static double[] toDouble(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }

  static String fmt(double beta) {
    return beta == Math.rint(beta) ? Long.toString((long) beta) : Double.toString(beta);
  }
}
