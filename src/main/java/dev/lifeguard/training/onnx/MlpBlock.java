package dev.lifeguard.training.onnx;

import dev.lifeguard.training.learn.BinaryModel;
import java.util.List;

/**
 * Independent sigmoid outputs over one shared hidden layer:
 * {@code sigmoid(w2 · relu(w1 · x + b1) + b2)}. Exported as MatMul → Add → Relu → MatMul → Add → Sigmoid.
 *
 * @param w1 [hidden][input]
 * @param w2 [labels][hidden]
 */
public record MlpBlock(List<String> labels, float[][] w1, float[] b1, float[][] w2, float[] b2) implements HeadBlock {

  public MlpBlock {
    labels = List.copyOf(labels);
    if (w1.length == 0 || b1.length != w1.length) {
      throw new IllegalArgumentException("an MLP block needs one first-layer row and bias per hidden unit");
    }
    if (w2.length != labels.size() || b2.length != labels.size()) {
      throw new IllegalArgumentException("an MLP block needs one output row and bias per label");
    }
    for (float[] row : w2) {
      if (row.length != w1.length) {
        throw new IllegalArgumentException("output rows must have one weight per hidden unit");
      }
    }
  }

  public int hidden() {
    return w1.length;
  }

  @Override
  public int inputDimension() {
    return w1[0].length;
  }

  @Override
  public String activationName() {
    return "sigmoid";
  }

  @Override
  public double[] score(float[] x) {
    double[] h = new double[b1.length];
    for (int j = 0; j < h.length; j++) {
      double z = b1[j];
      float[] w = w1[j];
      for (int i = 0; i < w.length; i++) {
        z += (double) w[i] * x[i];
      }
      h[j] = Math.max(0, z);
    }
    double[] out = new double[b2.length];
    for (int k = 0; k < out.length; k++) {
      double z = b2[k];
      for (int j = 0; j < h.length; j++) {
        z += w2[k][j] * h[j];
      }
      out[k] = BinaryModel.sigmoid(z);
    }
    return out;
  }
}
