package dev.lifeguard.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lifeguard.onnx.GraphOutputs;
import dev.lifeguard.onnx.ProtoWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncoderLayersTest {

  @Test
  void minilm_is_read_at_a_third_two_thirds_and_the_full_depth() {
    byte[] model = EncoderSource.classpathDefault().modelBytes();
    EncoderLayers layers = EncoderLayers.of(model);
    assertEquals("layers 2, 4 and 6 of 6", layers.description());
    assertEquals(List.of("/encoder/layer.1/output/LayerNorm/Add_1_output_0", "/encoder/layer.3/output/LayerNorm/Add_1_output_0",
        "last_hidden_state"), layers.outputs());
    byte[] tapped = layers.tap(model);
    assertEquals(List.of("last_hidden_state", "/encoder/layer.1/output/LayerNorm/Add_1_output_0",
        "/encoder/layer.3/output/LayerNorm/Add_1_output_0"), GraphOutputs.outputs(tapped));
    assertEquals(GraphOutputs.nodeOutputs(model), GraphOutputs.nodeOutputs(tapped), "nothing but the outputs changes");
  }

  @Test
  void twelve_layers_are_read_at_four_eight_and_twelve() {
    EncoderLayers layers = EncoderLayers.of(graph(12, "last_hidden_state"));
    assertEquals("layers 4, 8 and 12 of 12", layers.description());
    assertEquals("/encoder/layer.3/output/LayerNorm/Add_1_output_0", layers.outputs().get(0));
    assertEquals("/encoder/layer.7/output/LayerNorm/Add_1_output_0", layers.outputs().get(1));
  }

  @Test
  void a_graph_named_otherwise_is_read_from_its_first_output_unchanged() {
    byte[] model = new ProtoWriter().varint(1, 8).message(7, new ProtoWriter()
        .message(1, new ProtoWriter().string(2, "hidden").string(4, "MatMul"))
        .message(12, new ProtoWriter().string(1, "embeddings"))).toByteArray();
    EncoderLayers layers = EncoderLayers.of(model);
    assertEquals(List.of("embeddings"), layers.outputs());
    assertEquals("the graph's first output (embeddings)", layers.description());
    assertSame(model, layers.tap(model));
  }

  @Test
  void only_values_the_graph_computes_can_become_outputs() {
    byte[] model = graph(6, "last_hidden_state");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GraphOutputs.withFloatOutputs(model, List.of("/encoder/layer.9/output/LayerNorm/Add_1_output_0")));
    assertEquals("no node of the graph produces /encoder/layer.9/output/LayerNorm/Add_1_output_0", e.getMessage());
  }

  /** A graph with a Hugging Face export's layer output names (no weights: only names are read). */
  private static byte[] graph(int depth, String output) {
    ProtoWriter graph = new ProtoWriter();
    for (int i = 0; i < depth - 1; i++) {
      graph.message(1, new ProtoWriter().string(2, "/encoder/layer." + i + "/output/LayerNorm/Add_1_output_0").string(4, "Add"));
    }
    graph.message(1, new ProtoWriter().string(2, output).string(4, "Add"));
    graph.message(12, new ProtoWriter().string(1, output));
    return new ProtoWriter().varint(1, 8).message(7, graph).toByteArray();
  }
}
