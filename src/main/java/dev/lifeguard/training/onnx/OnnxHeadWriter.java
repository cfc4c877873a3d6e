package dev.lifeguard.training.onnx;

import dev.lifeguard.onnx.ProtoWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link LinearHead} as an ONNX ModelProto (IR version 8, opset 17): per block
 * MatMul → Add → Sigmoid or Softmax (an {@link MlpBlock}: MatMul → Add → Relu → MatMul → Add →
 * Sigmoid), then one Concat into {@code scores [batch, labels]}. Field numbers are those of
 * onnx.proto; weights are float tensors in little-endian raw_data.
 */
public final class OnnxHeadWriter {
  static final int IR_VERSION = 8;
  static final int OPSET = 17;
  private static final int FLOAT = 1; // TensorProto.DataType.FLOAT
  private static final int ATTRIBUTE_INT = 2; // AttributeProto.AttributeType.INT

  private OnnxHeadWriter() {}

  public static byte[] write(LinearHead head) {
    return new ProtoWriter()
        .varint(1, IR_VERSION)
        .string(2, "lifeguard-training")
        .string(3, "1")
        .message(7, graph(head))
        .message(8, new ProtoWriter().string(1, "").varint(2, OPSET))
        .message(14, new ProtoWriter().string(1, "labels").string(2, String.join(",", head.labels())))
        .toByteArray();
  }

  private static ProtoWriter graph(LinearHead head) {
    ProtoWriter graph = new ProtoWriter();
    List<ProtoWriter> initializers = new ArrayList<>();
    List<String> blockOutputs = new ArrayList<>();
    for (int i = 0; i < head.blocks().size(); i++) {
      HeadBlock block = head.blocks().get(i);
      if (block instanceof MlpBlock mlp) {
        mlp(graph, initializers, i, mlp);
      } else if (block instanceof LinearBlock linear) {
        linear(graph, initializers, i, linear, head.inputDimension());
      }
      blockOutputs.add("probs" + i);
    }
    graph.message(1, node("concat", "Concat", blockOutputs, LinearHead.OUTPUT).message(5, intAttribute("axis", 1)));
    graph.string(2, "lifeguard_" + head.name() + "_heads");
    initializers.forEach(t -> graph.message(5, t));
    graph.message(11, valueInfo(LinearHead.INPUT, head.inputDimension()));
    graph.message(12, valueInfo(LinearHead.OUTPUT, head.labels().size()));
    return graph;
  }

  /** MatMul → Add → Sigmoid or Softmax. */
  private static void linear(ProtoWriter graph, List<ProtoWriter> initializers, int i, LinearBlock block, int input) {
    String w = "W" + i;
    String b = "B" + i;
    initializers.add(tensor(w, new long[] {input, block.labels().size()}, transpose(block.weights(), input)));
    initializers.add(tensor(b, new long[] {block.labels().size()}, block.bias()));
    graph.message(1, node("matmul" + i, "MatMul", List.of(LinearHead.INPUT, w), "linear" + i));
    graph.message(1, node("add" + i, "Add", List.of("linear" + i, b), "logits" + i));
    ProtoWriter activation = block.activation() == LinearBlock.Activation.SOFTMAX
        ? node("softmax" + i, "Softmax", List.of("logits" + i), "probs" + i).message(5, intAttribute("axis", 1))
        : node("sigmoid" + i, "Sigmoid", List.of("logits" + i), "probs" + i);
    graph.message(1, activation);
  }

  /** MatMul → Add → Relu → MatMul → Add → Sigmoid. */
  private static void mlp(ProtoWriter graph, List<ProtoWriter> initializers, int i, MlpBlock block) {
    int input = block.inputDimension();
    int hidden = block.hidden();
    int labels = block.labels().size();
    initializers.add(tensor("W" + i + "h", new long[] {input, hidden}, transpose(block.w1(), input)));
    initializers.add(tensor("B" + i + "h", new long[] {hidden}, block.b1()));
    initializers.add(tensor("W" + i, new long[] {hidden, labels}, transpose(block.w2(), hidden)));
    initializers.add(tensor("B" + i, new long[] {labels}, block.b2()));
    graph.message(1, node("matmul" + i + "h", "MatMul", List.of(LinearHead.INPUT, "W" + i + "h"), "hiddenLinear" + i));
    graph.message(1, node("add" + i + "h", "Add", List.of("hiddenLinear" + i, "B" + i + "h"), "hiddenPre" + i));
    graph.message(1, node("relu" + i, "Relu", List.of("hiddenPre" + i), "hidden" + i));
    graph.message(1, node("matmul" + i, "MatMul", List.of("hidden" + i, "W" + i), "linear" + i));
    graph.message(1, node("add" + i, "Add", List.of("linear" + i, "B" + i), "logits" + i));
    graph.message(1, node("sigmoid" + i, "Sigmoid", List.of("logits" + i), "probs" + i));
  }

  private static ProtoWriter node(String name, String op, List<String> inputs, String output) {
    ProtoWriter node = new ProtoWriter();
    inputs.forEach(in -> node.string(1, in));
    return node.string(2, output).string(3, name).string(4, op);
  }

  private static ProtoWriter intAttribute(String name, long value) {
    return new ProtoWriter().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
  }

  private static ProtoWriter tensor(String name, long[] dims, float[] values) {
    ProtoWriter tensor = new ProtoWriter();
    for (long d : dims) {
      tensor.varint(1, d);
    }
    ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      raw.putFloat(v);
    }
    return tensor.varint(2, FLOAT).string(8, name).bytes(9, raw.array());
  }

  /** A float tensor input or output of shape [batch, width], batch symbolic. */
  private static ProtoWriter valueInfo(String name, int width) {
    ProtoWriter shape = new ProtoWriter()
        .message(1, new ProtoWriter().string(2, "batch"))
        .message(1, new ProtoWriter().varint(1, width));
    ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
    return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
  }

  /** [labels][input] → row-major [input][labels], the layout MatMul(x, W) wants. */
  private static float[] transpose(float[][] rows, int input) {
    float[] out = new float[input * rows.length];
    for (int k = 0; k < rows.length; k++) {
      for (int j = 0; j < input; j++) {
        out[j * rows.length + k] = rows[k][j];
      }
    }
    return out;
  }
}
