package dev.lifeguard.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real encoder from the Maven jar. */
class OnnxTextEncoderIT {
  private static OnnxTextEncoder encoder;

  @BeforeAll
  static void load() {
    encoder = OnnxTextEncoder.load(EncoderSource.classpathDefault(), 1);
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  /** The encoder's vectors have unit length, so their dot product is their cosine; a layer block has length 1/√3. */
  private static double dot(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  /** The part of a vector that comes from the given layer (0, 1, 2 = a third, two thirds, full depth). */
  private static float[] block(float[] vector, int layer) {
    return Arrays.copyOfRange(vector, layer * 384, (layer + 1) * 384);
  }

  @Test
  void vectors_are_normalised_and_similar_sentences_are_closer() {
    List<float[][]> v = encoder.encode(List.of("I want to die", "I wish I were dead", "How do I bake sourdough bread?"));
    assertEquals("layers 2, 4 and 6 of 6", encoder.layers());
    assertEquals(3 * 384, encoder.dimension());
    for (float[][] text : v) {
      assertEquals(1, text.length);
      assertEquals(1.0, Math.sqrt(dot(text[0], text[0])), 1e-4);
      for (int layer = 0; layer < 3; layer++) {
        float[] block = block(text[0], layer);
        assertEquals(1 / Math.sqrt(3), Math.sqrt(dot(block, block)), 1e-4, "each layer weighs the same");
      }
    }
    assertTrue(dot(v.get(0)[0], v.get(1)[0]) > dot(v.get(0)[0], v.get(2)[0]) + 0.2);
  }

  @Test
  void each_layer_block_still_tells_a_paraphrase_from_an_unrelated_text() {
    // The earlier layers are more alike overall (any two texts share more wording than meaning), so
    // each block is checked against its own baseline, not against the other blocks.
    List<float[][]> v = encoder.encode(List.of("I want to die", "I wish I were dead", "How do I bake sourdough bread?"));
    for (int layer = 0; layer < 3; layer++) {
      double paraphrase = dot(block(v.get(0)[0], layer), block(v.get(1)[0], layer));
      double unrelated = dot(block(v.get(0)[0], layer), block(v.get(2)[0], layer));
      assertTrue(paraphrase > unrelated, "block " + layer + ": paraphrase " + paraphrase + " vs unrelated " + unrelated);
    }
    assertTrue(3 * dot(block(v.get(0)[0], 0), block(v.get(0)[0], 2)) < 0.95, "the layers are different views of the text, not copies");
  }

  @Test
  void long_texts_are_covered_by_overlapping_windows_not_cut() {
    String sentence = "today was long and the bus was late again and work was boring. ";
    String longText = sentence.repeat(40) + "and tonight i am going to end my life.";
    int tokens = encoder.tokenCount(longText);
    assertTrue(tokens > 500, "tokens " + tokens);
    float[][] windows = encoder.encode(List.of(longText)).get(0);
    int expected = 1 + (int) Math.ceil((tokens - OnnxTextEncoder.WINDOW_TOKENS) / (double) OnnxTextEncoder.WINDOW_STRIDE);
    assertEquals(expected, windows.length);
    float[] last = windows[windows.length - 1];
    float[] risk = encoder.encode(List.of("tonight i am going to end my life")).get(0)[0];
    assertTrue(dot(last, risk) > dot(windows[0], risk), "the last window carries the ending");
  }

  @Test
  void a_message_gets_the_same_vector_whatever_it_is_batched_with() {
    float[] alone = encoder.encode(List.of("i feel so alone")).get(0)[0];
    List<float[][]> batch = encoder.encode(List.of("a much longer message that would need padding in a batch", "i feel so alone", "i feel so happy"));
    assertArrayEquals(alone, batch.get(1)[0], "results are cached by content, so they must not depend on batch-mates");
  }
}
