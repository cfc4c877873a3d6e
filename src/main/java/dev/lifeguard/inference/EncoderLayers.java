package dev.lifeguard.inference;

import dev.lifeguard.onnx.GraphOutputs;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which hidden layers an encoder's vector is pooled from. A sentence encoder's last layer is trained
 * to place texts by topic, so "how long do pills take" and "how long does cooked rice keep" land close
 * together; its earlier layers keep more of the wording. The probe heads separate risk from everyday
 * text better on the layers at a third, two thirds and the full depth side by side than on the last
 * alone (docs/PERFORMANCE.md), and the earlier layers cost nothing: the graph computes them anyway.
 *
 * <p>The layers are found by the names a Hugging Face export gives each layer's output
 * ({@code /encoder/layer.N/output/LayerNorm/Add_1_output_0}); the last layer is the graph's first
 * output. A graph named otherwise (an operator's own export) is read from its first output alone.
 */
record EncoderLayers(List<String> outputs, String description) {
  static final Pattern LAYER_OUTPUT = Pattern.compile("/encoder/layer\\.(\\d+)/output/LayerNorm/Add_1_output_0");

  /** The layers to pool for this graph. */
  static EncoderLayers of(byte[] model) {
    String last = GraphOutputs.outputs(model).get(0);
    TreeMap<Integer, String> earlier = new TreeMap<>();
    for (String name : GraphOutputs.nodeOutputs(model)) {
      Matcher m = LAYER_OUTPUT.matcher(name);
      if (m.matches() && !name.equals(last)) {
        earlier.put(Integer.parseInt(m.group(1)), name);
      }
    }
    int depth = earlier.size() + 1;
    boolean contiguous = !earlier.isEmpty() && earlier.firstKey() == 0 && earlier.lastKey() == depth - 2;
    if (!contiguous || depth < 3) {
      return new EncoderLayers(List.of(last), "the graph's first output (" + last + ")");
    }
    int third = Math.round(depth / 3f);
    int twoThirds = Math.round(2 * depth / 3f);
    return new EncoderLayers(List.of(earlier.get(third - 1), earlier.get(twoThirds - 1), last), "layers " + third + ", " + twoThirds + " and " + depth + " of " + depth);
  }

  /** The graph with the earlier layers as extra outputs (unchanged when only the first output is read). */
  byte[] tap(byte[] model) {
    return outputs.size() == 1 ? model : GraphOutputs.withFloatOutputs(model, outputs.subList(0, outputs.size() - 1));
  }
}
