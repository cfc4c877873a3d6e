package dev.lifeguard.training.onnx;

import java.util.List;

/** A group of output columns of a probe head, computed from the head's one input vector. */
public sealed interface HeadBlock permits LinearBlock, MlpBlock {

  /** Output labels in column order. */
  List<String> labels();

  /** Length of the input vector the block reads. */
  int inputDimension();

  /** Activation name for heads.json: {@code sigmoid} or {@code softmax}. */
  String activationName();

  /** The block's probabilities for one input, in double precision (the Java reference of the ONNX graph). */
  double[] score(float[] x);
}
