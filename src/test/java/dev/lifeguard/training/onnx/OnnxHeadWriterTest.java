package dev.lifeguard.training.onnx;

import dev.lifeguard.onnx.ProtoWriter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OnnxHeadWriterTest {

  private static LinearHead randomHead(int dim) {
    Random r = new Random(42);
    LinearBlock sig = new LinearBlock(LinearBlock.Activation.SIGMOID, List.of("a", "b"), randomRows(r, 2, dim), new float[] {0.5f, -1f});
    LinearBlock soft = new LinearBlock(LinearBlock.Activation.SOFTMAX, List.of("s.x", "s.y", "s.z"), randomRows(r, 3, dim), new float[] {0f, 1f, -1f});
    LinearBlock tail = new LinearBlock(LinearBlock.Activation.SIGMOID, List.of("c"), randomRows(r, 1, dim), new float[] {2f});
    return new LinearHead("toy", dim, List.of(sig, soft, tail));
  }

  private static float[][] randomRows(Random r, int rows, int dim) {
    float[][] out = new float[rows][dim];
    for (float[] row : out) {
      for (int j = 0; j < dim; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    return out;
  }

  @Test
  void varints_and_length_delimited_fields_follow_the_protobuf_wire_format() {
    byte[] bytes = new ProtoWriter().varint(1, 300).string(2, "hi").varint(3, -1).toByteArray();
    byte[] expected = {0x08, (byte) 0xAC, 0x02, 0x12, 0x02, 'h', 'i', 0x18,
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};
    assertArrayEquals(expected, bytes);
  }

  @Test
  void written_model_loads_in_onnx_runtime_and_scores_like_the_java_head() throws Exception {
    LinearHead head = randomHead(6);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    float[][] batch = randomRows(new Random(7), 4, 6);
    try (OrtSession session = env.createSession(OnnxHeadWriter.write(head), new OrtSession.SessionOptions());
         OnnxTensor input = OnnxTensor.createTensor(env, batch);
         OrtSession.Result result = session.run(Map.of(LinearHead.INPUT, input))) {
      assertEquals("a,b,s.x,s.y,s.z,c", session.getMetadata().getCustomMetadata().get("labels"));
      float[][] scores = (float[][]) result.get(LinearHead.OUTPUT).orElseThrow().getValue();
      for (int i = 0; i < batch.length; i++) {
        double[] expected = head.score(batch[i]);
        assertEquals(6, scores[i].length);
        for (int k = 0; k < expected.length; k++) {
          assertEquals(expected[k], scores[i][k], 1e-5, "row " + i + " column " + k);
        }
        assertEquals(1.0, scores[i][2] + scores[i][3] + scores[i][4], 1e-5, "the softmax block sums to one");
      }
    }
  }

  @Test
  void an_mlp_block_loads_in_onnx_runtime_and_scores_like_the_java_block() throws Exception {
    Random r = new Random(3);
    MlpBlock mlp = new MlpBlock(List.of("risk", "type.x"), randomRows(r, 5, 6), new float[] {0.1f, -0.2f, 0f, 0.3f, -1f},
        randomRows(r, 2, 5), new float[] {-0.5f, 0.25f});
    LinearBlock tail = new LinearBlock(LinearBlock.Activation.SOFTMAX, List.of("s.x", "s.y"), randomRows(r, 2, 6), new float[] {0f, 1f});
    LinearHead head = new LinearHead("toy", 6, List.of(mlp, tail));
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    float[][] batch = randomRows(new Random(8), 5, 6);
    try (OrtSession session = env.createSession(OnnxHeadWriter.write(head), new OrtSession.SessionOptions());
         OnnxTensor input = OnnxTensor.createTensor(env, batch);
         OrtSession.Result result = session.run(Map.of(LinearHead.INPUT, input))) {
      float[][] scores = (float[][]) result.get(LinearHead.OUTPUT).orElseThrow().getValue();
      for (int i = 0; i < batch.length; i++) {
        double[] expected = head.score(batch[i]);
        for (int k = 0; k < expected.length; k++) {
          assertEquals(expected[k], scores[i][k], 1e-5, "row " + i + " column " + k);
        }
      }
    }
  }

  @Test
  void the_same_head_gives_the_same_bytes() {
    assertArrayEquals(OnnxHeadWriter.write(randomHead(5)), OnnxHeadWriter.write(randomHead(5)));
  }
}
