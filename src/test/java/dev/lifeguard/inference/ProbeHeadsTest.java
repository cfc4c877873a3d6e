package dev.lifeguard.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.training.onnx.LinearBlock;
import dev.lifeguard.training.onnx.LinearHead;
import dev.lifeguard.training.onnx.OnnxHeadWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Toy heads written like {@code lifeguard train} writes them, read back through ONNX Runtime. */
class ProbeHeadsTest {
  static final LinearHead MESSAGE = new LinearHead("message", 2, List.of(
      new LinearBlock(LinearBlock.Activation.SIGMOID, List.of("risk"), new float[][] {{4, 0}}, new float[] {-2}),
      new LinearBlock(LinearBlock.Activation.SOFTMAX, List.of("subject.self", "subject.other", "subject.unknown"),
          new float[][] {{1, 0}, {0, 1}, {0, 0}}, new float[] {0, 0, 0})));
  static final LinearHead ASSISTANT = new LinearHead("assistant", 4, List.of(
      new LinearBlock(LinearBlock.Activation.SIGMOID, List.of("ai.harm_provision"), new float[][] {{3, 0, 0, -1}}, new float[] {0})));

  @TempDir
  static Path dir;

  @BeforeAll
  static void writeHeads() throws Exception {
    Files.write(dir.resolve("heads-message.onnx"), OnnxHeadWriter.write(MESSAGE));
    Files.write(dir.resolve("heads-assistant.onnx"), OnnxHeadWriter.write(ASSISTANT));
    Files.writeString(dir.resolve("heads.json"), """
        {"format": "lifeguard-probe-heads/1",
         "encoder": {"name": "toy", "dimension": 2},
         "heads": {
           "message": {"file": "heads-message.onnx", "input": "embedding", "inputDimension": 2, "output": "scores",
                       "labels": ["risk", "subject.self", "subject.other", "subject.unknown"]},
           "assistant": {"file": "heads-assistant.onnx", "input": "embedding", "inputDimension": 4, "output": "scores",
                         "labels": ["ai.harm_provision"]}},
         "labels": {"risk": {"threshold": 0.3}, "subject.self": {"threshold": 0.4}, "subject.other": {"threshold": 0.4},
                    "subject.unknown": {"threshold": 0.2}, "ai.harm_provision": {"threshold": 0.25}}}
        """);
  }

  @Test
  void message_scores_are_the_heads_probabilities_by_label() {
    try (ProbeHeads heads = ProbeHeads.load(dir)) {
      float[] v = {1, 0};
      ProbeScores s = heads.score(v, "a text");
      double[] expected = MESSAGE.score(v);
      assertEquals(expected[0], s.get("risk"), 1e-6);
      assertEquals(expected[1], s.get("subject.self"), 1e-6);
      assertEquals(1.0, s.get("subject.self") + s.get("subject.other") + s.get("subject.unknown"), 1e-6);
      assertEquals(0f, s.get("type.suicide"), "labels the heads lack read as 0");
      assertEquals("toy", heads.encoderName());
      assertEquals(2, heads.dimension());
    }
  }

  @Test
  void assistant_scores_join_reply_and_context() {
    try (ProbeHeads heads = ProbeHeads.load(dir)) {
      float[] reply = {1, 0};
      float[] context = {0, 1};
      assertEquals(ASSISTANT.score(new float[] {1, 0, 0, 1})[0], heads.scoreAssistant(reply, context).get("ai.harm_provision"), 1e-6);
      assertThrows(IllegalArgumentException.class, () -> heads.scoreAssistant(new float[3], context));
    }
  }

  @Test
  void thresholds_come_from_the_manifest_and_missing_labels_never_fire() {
    try (ProbeHeads heads = ProbeHeads.load(dir)) {
      assertEquals(0.3f, heads.threshold("risk"));
      assertEquals(Float.POSITIVE_INFINITY, heads.threshold("type.suicide"));
      assertTrue(heads.flagged(heads.score(new float[] {1, 0}, "a text"), "risk"));
      assertFalse(heads.flagged(heads.score(new float[] {0, 0}, "a text"), "risk"));
      assertTrue(heads.labels().contains("ai.harm_provision"));
    }
  }

  @Test
  void batches_and_concurrent_callers_get_the_same_scores_as_single_calls() {
    try (ProbeHeads heads = ProbeHeads.load(dir)) {
      List<float[]> vectors = IntStream.range(0, 50).mapToObj(i -> new float[] {i / 50f, 1 - i / 50f}).toList();
      List<ProbeScores> batch = heads.score(vectors, "a text");
      IntStream.range(0, 50).parallel().forEach(i -> assertEquals(batch.get(i), heads.score(vectors.get(i), "a text")));
    }
  }

  @Test
  void message_vectors_are_the_normalised_mean_of_windows() {
    float[] v = ProbeHeads.messageVector(new float[][] {{1, 0}, {0, 1}});
    assertEquals(Math.sqrt(0.5), v[0], 1e-6);
    assertEquals(Math.sqrt(0.5), v[1], 1e-6);
    float[] one = {0.6f, 0.8f};
    assertEquals(one, ProbeHeads.messageVector(new float[][] {one}));
  }

  @Test
  void a_directory_without_heads_is_a_clear_error(@TempDir Path empty) {
    Exception e = assertThrows(RuntimeException.class, () -> ProbeHeads.load(empty));
    assertTrue(e.getMessage().contains("heads.json"), e.getMessage());
  }
}
