package dev.lifeguard.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.training.onnx.LinearBlock;
import dev.lifeguard.training.onnx.LinearHead;
import dev.lifeguard.training.onnx.OnnxHeadWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTest {
  /** One output that only knows the word "overdose" (+3) over a bias of -2. */
  static Lexicon overdoseOnly() {
    float[] weights = new float[Lexicon.BUCKETS];
    weights[Lexicon.bucket("u:overdose")] = 3;
    return new Lexicon(List.of("risk"), new float[] {-2}, weights);
  }

  @Test
  void words_are_lower_cased_and_keep_apostrophes_but_not_punctuation_or_emoji() {
    assertEquals(List.of("i'm", "so", "done", "w", "this", "2day"), Lexicon.words("I'm SO done... w/ this 2day 😭!!"));
    assertEquals(List.of("qué", "día", "más", "bonito"), Lexicon.words("¿Qué día más bonito?"));
    assertEquals(List.of(), Lexicon.words("  ... 🙂 "));
  }

  @Test
  void buckets_are_distinct_ascending_and_see_word_order() {
    int[] b = Lexicon.buckets(Lexicon.words("kill kill kill the process"), 0, 5);
    assertTrue(IntStream.range(1, b.length).allMatch(i -> b[i] > b[i - 1]), "ascending and distinct");
    // 3 distinct words + 3 distinct pairs ("kill kill", "kill the", "the process")
    assertEquals(6, b.length);
    assertNotEquals(Arrays.toString(Lexicon.buckets(Lexicon.words("kill me"), 0, 2)),
        Arrays.toString(Lexicon.buckets(Lexicon.words("me kill"), 0, 2)), "bigrams keep the order");
    assertEquals(0, Lexicon.buckets(List.of(), 0, 0).length);
  }

  @Test
  void a_short_text_is_one_chunk_and_a_long_one_overlapping_chunks_that_cover_every_word() {
    assertEquals(1, Lexicon.chunks(Lexicon.words("just a short message")).size());
    List<String> words = IntStream.range(0, 250).mapToObj(i -> "w" + i).toList();
    List<int[]> chunks = Lexicon.chunks(words);
    assertArrayEquals(new int[] {0, Lexicon.CHUNK_WORDS}, chunks.get(0));
    assertEquals(words.size(), chunks.get(chunks.size() - 1)[1], "the last word is read");
    assertEquals(5, chunks.size(), "250 words in chunks of 96 every 48");
  }

  @Test
  void character_grams_see_inflections_and_obfuscations_that_whole_words_miss() {
    int[] kill = Lexicon.Family.CHARS.buckets(List.of("kill"), 0, 1);
    // " kill " has 4 three-grams, 3 four-grams and 2 five-grams, all distinct
    assertEquals(9, kill.length);
    int[] killing = Lexicon.Family.CHARS.buckets(List.of("killing"), 0, 1);
    assertTrue(Arrays.stream(kill).filter(b -> Arrays.stream(killing).anyMatch(x -> x == b)).count() >= 4,
        "\"killing\" shares the start of \"kill\"");

    // one output per family, both taught only "overdose": the char output also fires on "overdosing"
    int[] grams = Lexicon.Family.CHARS.buckets(List.of("overdose"), 0, 1);
    float[] weights = new float[2 * Lexicon.BUCKETS];
    weights[2 * Lexicon.bucket("u:overdose")] = 3;
    for (int b : grams) {
      weights[2 * b + 1] = 0.5f;
    }
    Lexicon lexicon = new Lexicon(List.of("words:risk", "chars:risk"), new float[] {-2, -2}, weights);
    float[] exact = lexicon.logits("thinking about an overdose");
    assertEquals(1f, exact[0], 1e-6);
    assertEquals(-2f + 0.5f * grams.length, exact[1], 1e-5);
    float[] inflected = lexicon.logits("thinking about overdosing");
    assertEquals(-2f, inflected[0], 1e-6, "the word model has never seen \"overdosing\"");
    assertTrue(inflected[1] > 0, "the character model shares most of its grams: " + inflected[1]);
  }

  @Test
  void an_unprefixed_output_reads_words_and_an_unknown_family_is_refused() {
    assertEquals(1f, overdoseOnly().logits("an overdose")[0], 1e-6);
    assertThrows(IllegalStateException.class,
        () -> new Lexicon(List.of("syllables:risk"), new float[] {0}, new float[Lexicon.BUCKETS]));
  }

  @Test
  void a_long_text_is_as_risky_as_its_riskiest_chunk() {
    Lexicon lexicon = overdoseOnly();
    assertEquals(1f, lexicon.logits("thinking about an overdose tonight")[0], 1e-6);
    assertEquals(-2f, lexicon.logits("thinking about a nap tonight")[0], 1e-6);
    String filler = IntStream.range(0, 400).mapToObj(i -> "chatter").collect(Collectors.joining(" "));
    assertEquals(1f, lexicon.logits(filler + " overdose " + filler)[0], 1e-6, "one word in 800 still counts fully");
    assertEquals(1f, lexicon.logits("overdose overdose overdose")[0], 1e-6, "a word counts once");
  }

  @Test
  void bytes_round_trip_and_a_wrong_file_is_refused() {
    Lexicon lexicon = overdoseOnly();
    byte[] bytes = lexicon.toBytes();
    Lexicon back = Lexicon.fromBytes(bytes, List.of("risk"));
    assertArrayEquals(lexicon.logits("an overdose"), back.logits("an overdose"));
    assertThrows(IllegalStateException.class, () -> Lexicon.fromBytes(bytes, List.of("risk", "type.suicide")));
    assertThrows(IllegalStateException.class, () -> Lexicon.fromBytes(Arrays.copyOf(bytes, 100), List.of("risk")));
    assertThrows(IllegalStateException.class, () -> Lexicon.fromBytes("{\"not\": \"a lexicon\"}".getBytes(), List.of("risk")));
  }

  @Test
  void heads_with_a_lexicon_read_the_vector_and_the_words(@TempDir Path dir) throws Exception {
    // risk = sigmoid(2·v0 + 1·lexicon)
    LinearHead message = new LinearHead("message", 3, List.of(
        new LinearBlock(LinearBlock.Activation.SIGMOID, List.of("risk"), new float[][] {{2, 0, 1}}, new float[] {0})));
    LinearHead assistant = new LinearHead("assistant", 4, List.of(
        new LinearBlock(LinearBlock.Activation.SIGMOID, List.of("ai.harm_provision"), new float[][] {{1, 0, 0, 0}}, new float[] {0})));
    Files.write(dir.resolve("heads-message.onnx"), OnnxHeadWriter.write(message));
    Files.write(dir.resolve("heads-assistant.onnx"), OnnxHeadWriter.write(assistant));
    Files.write(dir.resolve("lexicon-message.bin"), overdoseOnly().toBytes());
    Files.writeString(dir.resolve("heads.json"), """
        {"encoder": {"name": "toy", "dimension": 2},
         "lexicon": {"file": "lexicon-message.bin", "outputs": ["risk"]},
         "heads": {
           "message": {"file": "heads-message.onnx", "input": "embedding", "inputDimension": 3, "output": "scores", "labels": ["risk"]},
           "assistant": {"file": "heads-assistant.onnx", "input": "embedding", "inputDimension": 4, "output": "scores",
                         "labels": ["ai.harm_provision"]}},
         "labels": {"risk": {"threshold": 0.5}}}
        """);
    try (ProbeHeads heads = ProbeHeads.load(dir)) {
      float[] v = {0.5f, 0};
      assertEquals(message.score(new float[] {0.5f, 0, 1})[0], heads.score(v, "an overdose").get("risk"), 1e-6);
      assertEquals(message.score(new float[] {0.5f, 0, -2})[0], heads.score(v, "a nap").get("risk"), 1e-6);
      assertThrows(IllegalArgumentException.class, () -> heads.score(v, null));
    }
  }
}
