package dev.lifeguard.training.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * A probe head as exported: blocks of outputs (linear, or a small MLP) over one input vector, their columns
 * concatenated in block order into one {@code scores} output.
 */
public record LinearHead(String name, int inputDimension, List<HeadBlock> blocks) {
  public static final String INPUT = "embedding";
  public static final String OUTPUT = "scores";

  public LinearHead {
    blocks = List.copyOf(blocks);
    for (HeadBlock b : blocks) {
      if (b.inputDimension() != inputDimension) {
        throw new IllegalArgumentException("head " + name + ": block reads " + b.inputDimension() + " for input " + inputDimension);
      }
    }
  }

  /** Output labels in column order. */
  public List<String> labels() {
    List<String> out = new ArrayList<>();
    blocks.forEach(b -> out.addAll(b.labels()));
    return out;
  }

  /** The Java reference for what the ONNX graph computes. */
  public double[] score(float[] x) {
    double[] out = new double[labels().size()];
    int at = 0;
    for (HeadBlock b : blocks) {
      double[] p = b.score(x);
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
