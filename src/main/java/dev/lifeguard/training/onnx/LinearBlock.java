package dev.lifeguard.training.onnx;

import dev.lifeguard.training.learn.BinaryModel;
import dev.lifeguard.training.learn.SoftmaxModel;
import java.util.List;

/**
 * A group of output columns computed as {@code activation(weights · x + bias)}: independent
 * sigmoids, or one softmax over the group (mutually exclusive labels such as the subject).
 *
 * @param weights one row of input-length weights per label
 */
public record LinearBlock(Activation activation, List<String> labels, float[][] weights, float[] bias) implements HeadBlock {

  public enum Activation { SIGMOID, SOFTMAX }

  public LinearBlock {
    labels = List.copyOf(labels);
    if (weights.length != labels.size() || bias.length != labels.size()) {
      throw new IllegalArgumentException("a block needs one weight row and one bias per label");
    }
  }

  @Override
  public int inputDimension() {
    return weights.length == 0 ? 0 : weights[0].length;
  }

  @Override
  public String activationName() {
    return activation.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The block's probabilities for one input, in double precision. */
  @Override
  public double[] score(float[] x) {
    double[] z = new double[labels.size()];
    for (int k = 0; k < z.length; k++) {
      double v = bias[k];
      float[] w = weights[k];
      for (int j = 0; j < w.length; j++) {
        v += (double) w[j] * x[j];
      }
      z[k] = v;
    }
    if (activation == Activation.SOFTMAX) {
      return SoftmaxModel.softmax(z);
    }
    for (int k = 0; k < z.length; k++) {
      z[k] = BinaryModel.sigmoid(z[k]);
    }
    return z;
  }
}
