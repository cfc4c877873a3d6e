package dev.lifeguard.training;

import java.util.List;
import java.util.function.Function;

/**
 * One thing a head learns about items of type {@code T}. {@code truth} answers {@code null} when an
 * item says nothing about the target (imminence of a non-risk message, style of an unannotated
 * turn): such items are left out of that target, never counted as negatives.
 */
sealed interface Target<T> {

  /** Labels this target produces, in output order. */
  List<String> labels();

  /**
   * An independent sigmoid output.
   *
   * @param beta threshold rule: the threshold maximises F-beta on out-of-fold predictions (2 = recall first)
   */
  record Binary<T>(String label, Function<T, Boolean> truth, double beta) implements Target<T> {
    @Override
    public List<String> labels() {
      return List.of(label);
    }
  }

  /**
   * Independent sigmoid outputs that share one hidden ReLU layer ({@link MlpTrainer}): related
   * labels (risk and its types) learn features together that a linear probe cannot express.
   */
  record Shared<T>(List<Binary<T>> outputs) implements Target<T> {
    public Shared {
      outputs = List.copyOf(outputs);
    }

    @Override
    public List<String> labels() {
      return outputs.stream().map(Binary::label).toList();
    }
  }

  /** Mutually exclusive classes under one softmax; truth is the class index. */
  record Softmax<T>(List<String> labels, Function<T, Integer> truth) implements Target<T> {}
}
