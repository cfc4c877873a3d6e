package dev.lifeguard.training;

import dev.lifeguard.training.learn.Standardizer;
import dev.lifeguard.training.onnx.HeadBlock;
import dev.lifeguard.training.onnx.LinearBlock;
import dev.lifeguard.training.onnx.LinearHead;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Trains every target of one head, targets in parallel (each one alone is sequential, so the
 * result does not depend on scheduling), and assembles the exported {@link LinearHead}: runs of
 * sigmoid labels become one sigmoid block, each softmax group and each shared (MLP) group its own
 * block, in target order.
 */
final class HeadTrainer {
  private HeadTrainer() {}

  static <T> TrainedHead train(HeadData<T> data, List<Target<T>> targets, TrainingOptions o, ExecutorService pool) {
    Standardizer st = Standardizer.fit(trainingRows(data));
    float[][] xs = st.apply(data.x());
    List<String> skipped = Collections.synchronizedList(new ArrayList<>());
    List<Future<Object>> fits = new ArrayList<>();
    for (Target<T> t : targets) {
      Callable<Object> job;
      if (t instanceof Target.Binary<T> b) {
        job = () -> BinaryTrainer.fit(data, xs, st, b, o, skipped);
      } else if (t instanceof Target.Shared<T> s) {
        job = () -> MlpTrainer.fit(data, xs, st, s, o, skipped);
      } else if (t instanceof Target.Softmax<T> s) {
        job = () -> SoftmaxTrainer.fit(data, xs, st, s, o, skipped);
      } else {
        throw new IllegalArgumentException("unknown target " + t);
      }
      fits.add(pool.submit(job));
    }
    Assembler assembler = new Assembler(data.name());
    Futures.join(fits, "training the " + data.name() + " head").forEach(assembler::add);
    List<String> orderedSkips = new ArrayList<>(skipped);
    Collections.sort(orderedSkips);
    return new TrainedHead(new LinearHead(data.name(), data.dimension(), assembler.blocks()), assembler.results, orderedSkips);
  }

  private static float[][] trainingRows(HeadData<?> data) {
    List<float[]> rows = new ArrayList<>();
    for (int i = 0; i < data.x().length; i++) {
      if (!data.heldOut()[i]) {
        rows.add(data.x()[i]);
      }
    }
    return rows.toArray(float[][]::new);
  }

  /** Collects fitted targets into blocks, merging consecutive sigmoid labels. */
  private static final class Assembler {
    private final String head;
    private final List<HeadBlock> blocks = new ArrayList<>();
    private final List<LabelResult> results = new ArrayList<>();
    private final List<String> sigmoidLabels = new ArrayList<>();
    private final List<float[]> sigmoidWeights = new ArrayList<>();
    private final List<Float> sigmoidBias = new ArrayList<>();

    Assembler(String head) {
      this.head = head;
    }

    void add(Object fitted) {
      if (fitted instanceof BinaryTrainer.Fitted b) {
        sigmoidLabels.add(b.result().label());
        sigmoidWeights.add(b.weights());
        sigmoidBias.add(b.bias());
        results.add(b.result());
      } else if (fitted instanceof MlpTrainer.Fitted m) {
        flushSigmoids();
        blocks.add(m.block());
        results.addAll(m.results());
      } else if (fitted instanceof SoftmaxTrainer.Fitted s) {
        flushSigmoids();
        List<String> labels = s.results().stream().map(LabelResult::label).toList();
        blocks.add(new LinearBlock(LinearBlock.Activation.SOFTMAX, labels, s.weights(), s.bias()));
        results.addAll(s.results());
      }
      // null: skipped for lack of data, already recorded
    }

    List<HeadBlock> blocks() {
      flushSigmoids();
      if (blocks.isEmpty()) {
        throw new IllegalStateException("no label of the " + head + " head had enough data to train");
      }
      return blocks;
    }

    private void flushSigmoids() {
      if (sigmoidLabels.isEmpty()) {
        return;
      }
      float[] bias = new float[sigmoidBias.size()];
      for (int i = 0; i < bias.length; i++) {
        bias[i] = sigmoidBias.get(i);
      }
      blocks.add(new LinearBlock(LinearBlock.Activation.SIGMOID, sigmoidLabels, sigmoidWeights.toArray(float[][]::new), bias));
      sigmoidLabels.clear();
      sigmoidWeights.clear();
      sigmoidBias.clear();
    }
  }
}
