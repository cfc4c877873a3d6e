package dev.lifeguard.onnx;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Exposes values an ONNX graph computes anyway (a hidden layer, say) as extra graph outputs, so one
 * run returns them without running anything twice. Works on the serialized model: every field but
 * the graph's output list is copied byte for byte.
 */
public final class GraphOutputs {
  private static final int MODEL_GRAPH = 7;
  private static final int GRAPH_NODE = 1;
  private static final int GRAPH_OUTPUT = 12;
  private static final int NODE_OUTPUT = 2;
  private static final int VALUE_INFO_NAME = 1;
  private static final int VALUE_INFO_TYPE = 2;
  private static final int TYPE_TENSOR = 1;
  private static final int TENSOR_ELEM_TYPE = 1;
  private static final int FLOAT = 1;

  private GraphOutputs() {}

  /** The names of every value the graph's nodes produce, in node order. */
  public static List<String> nodeOutputs(byte[] model) {
    List<String> out = new ArrayList<>();
    for (ProtoReader.Field node : fieldsOf(graph(model), GRAPH_NODE)) {
      fieldsOf(node.payload(), NODE_OUTPUT).forEach(f -> out.add(f.string()));
    }
    return out;
  }

  /** The graph's declared outputs, in order. */
  public static List<String> outputs(byte[] model) {
    List<String> out = new ArrayList<>();
    for (ProtoReader.Field output : fieldsOf(graph(model), GRAPH_OUTPUT)) {
      fieldsOf(output.payload(), VALUE_INFO_NAME).forEach(f -> out.add(f.string()));
    }
    return out;
  }

  /** The model with float tensors {@code names} appended to its graph outputs (shape left open). */
  public static byte[] withFloatOutputs(byte[] model, List<String> names) {
    List<String> produced = nodeOutputs(model);
    for (String name : names) {
      if (!produced.contains(name)) {
        throw new IllegalArgumentException("no node of the graph produces " + name);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(model.length + 256);
    for (ProtoReader.Field field : ProtoReader.fields(model)) {
      if (field.number() != MODEL_GRAPH) {
        out.writeBytes(field.raw());
        continue;
      }
      ByteArrayOutputStream graph = new ByteArrayOutputStream(field.payload().length + 256);
      graph.writeBytes(field.payload());
      for (String name : names) {
        ProtoWriter type = new ProtoWriter().message(TYPE_TENSOR, new ProtoWriter().varint(TENSOR_ELEM_TYPE, FLOAT));
        graph.writeBytes(new ProtoWriter()
            .message(GRAPH_OUTPUT, new ProtoWriter().string(VALUE_INFO_NAME, name).message(VALUE_INFO_TYPE, type))
            .toByteArray());
      }
      out.writeBytes(new ProtoWriter().bytes(MODEL_GRAPH, graph.toByteArray()).toByteArray());
    }
    return out.toByteArray();
  }

  private static byte[] graph(byte[] model) {
    List<ProtoReader.Field> graphs = fieldsOf(model, MODEL_GRAPH);
    if (graphs.size() != 1) {
      throw new IllegalArgumentException("an ONNX model has exactly one graph, found " + graphs.size());
    }
    return graphs.get(0).payload();
  }

  private static List<ProtoReader.Field> fieldsOf(byte[] message, int number) {
    return ProtoReader.fields(message).stream().filter(f -> f.number() == number).toList();
  }
}
