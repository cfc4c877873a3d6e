package dev.lifeguard.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.inference.EncoderSource;
import dev.lifeguard.inference.OnnxTextEncoder;
import dev.lifeguard.inference.ProbeHeads;
import dev.lifeguard.inference.ProbeScores;
import dev.lifeguard.training.corpus.Corpus;
import dev.lifeguard.training.corpus.CorpusLoader;
import dev.lifeguard.training.learn.BinaryMetrics;
import dev.lifeguard.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains on a slice of the real corpus, with the real encoder, twice: once through the packaged
 * jar's {@code train} command and once in process, then checks the exported files against each
 * other, the ONNX heads against the Java weights, and held-out risk recall against a trivial baseline.
 */
class TrainingPipelineIT {
  /** Every n-th line of each corpus file (authors group similar items): every label family, quick enough for CI. */
  static final int MESSAGE_STRIDE = 6;
  static final int CONVERSATION_STRIDE = 3;

  @TempDir
  static Path work;
  static Path slice;
  static Corpus corpus;
  static TrainingResult result;
  static Path inProcess;
  static OnnxTextEncoder encoder;

  @BeforeAll
  static void trainInProcess() throws Exception {
    slice = work.resolve("corpus");
    copySlice(Path.of("src/main/resources/corpus"), slice);
    corpus = CorpusLoader.fromDirectory(slice, CorpusLoader.Strictness.SKIP_INVALID);
    encoder = OnnxTextEncoder.load(EncoderSource.classpathDefault(), 1);
    result = TrainingPipeline.run(corpus, encoder, encoder.name(), TrainingOptions.defaults(), m -> {});
    inProcess = work.resolve("models-in-process");
    ModelExport.write(result, inProcess);
  }

  private static void copySlice(Path from, Path to) throws Exception {
    for (String kind : List.of("messages", "conversations")) {
      Files.createDirectories(to.resolve(kind));
      int stride = kind.equals("messages") ? MESSAGE_STRIDE : CONVERSATION_STRIDE;
      try (Stream<Path> files = Files.list(from.resolve(kind))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
          List<String> lines = Files.readAllLines(f);
          List<String> every = IntStream.range(0, lines.size()).filter(i -> i % stride == 0).mapToObj(lines::get).toList();
          Files.write(to.resolve(kind).resolve(f.getFileName()), every);
        }
      }
    }
  }

  @Test
  void the_train_command_writes_the_same_bytes_as_an_in_process_run() throws Exception {
    Path out = work.resolve("models-jar");
    try (JarProcess train = JarProcess.start(work, Map.of(), "train", "--corpus", slice.toString(), "--out", out.toString(),
        "--skip-invalid", "--seed", "" + TrainingOptions.DEFAULT_SEED)) {
      // About 6 minutes on 2 cores with the three-layer encoder vector (about 3 with one layer); room for a busy machine.
      assertEquals(0, train.waitFor(Duration.ofMinutes(20)), train.stderr());
      assertEquals(List.of(out.toString()), train.remainingStdout(), "stdout carries only the output directory");
      assertTrue(train.stderr().contains("risk"), "a summary goes to stderr");
    }
    for (String file : List.of("heads-message.onnx", "heads-assistant.onnx", "lexicon-message.bin", "heads.json", "MODEL_CARD.md")) {
      assertArrayEquals(Files.readAllBytes(inProcess.resolve(file)), Files.readAllBytes(out.resolve(file)), file + " differs");
    }
  }

  @Test
  void onnx_heads_score_exactly_like_the_java_weights() {
    Examples examples = Examples.from(corpus);
    List<String> texts = examples.messages().stream().limit(40).map(Examples.MessageExample::text).toList();
    List<Examples.ReplyExample> replies = examples.replies().stream().limit(20).toList();
    try (ProbeHeads heads = ProbeHeads.load(inProcess)) {
      List<String> labels = result.message().head().labels();
      for (String text : texts) {
        float[] v = ProbeHeads.messageVector(encoder.encode(List.of(text)).get(0));
        float[] joined = Embeddings.concat(new float[][] {v}, new float[][] {result.lexicon().logits(text)})[0];
        assertClose(labels, result.message().head().score(joined), heads.score(v, text));
      }
      List<String> aiLabels = result.assistant().head().labels();
      for (Examples.ReplyExample r : replies) {
        float[] reply = ProbeHeads.messageVector(encoder.encode(List.of(r.reply())).get(0));
        float[] context = ProbeHeads.messageVector(encoder.encode(List.of(r.context())).get(0));
        float[] joined = Embeddings.concat(new float[][] {reply}, new float[][] {context})[0];
        assertClose(aiLabels, result.assistant().head().score(joined), heads.scoreAssistant(reply, context));
      }
      for (LabelResult l : result.labels()) {
        assertEquals((float) l.threshold(), heads.threshold(l.label()), l.label());
      }
    }
  }

  private static void assertClose(List<String> labels, double[] java, ProbeScores onnx) {
    for (int k = 0; k < labels.size(); k++) {
      assertEquals(java[k], onnx.get(labels.get(k)), 1e-5, labels.get(k));
    }
  }

  @Test
  void held_out_risk_recall_beats_a_trivial_baseline() {
    BinaryMetrics risk = result.label("risk").heldOut();
    double prevalence = risk.support() / (double) risk.n();
    // flagging at random with the prevalence's rate recalls `prevalence`; flagging everything has F1 2p/(1+p)
    assertTrue(risk.recall() > Math.max(0.8, prevalence + 0.2), "recall " + risk.recall() + " vs prevalence " + prevalence);
    assertTrue(risk.f1() > 2 * prevalence / (1 + prevalence), "F1 " + risk.f1() + " vs always-risk");
    assertTrue(risk.auc() > 0.75, "AUC " + risk.auc());
  }

  @Test
  void every_expected_label_family_is_produced_with_the_probe_label_names() {
    List<String> labels = result.message().head().labels();
    assertTrue(labels.contains("risk") && labels.contains("type.stalking") && labels.contains("subject.unknown")
        && labels.contains("severity.ge_critical") && labels.contains("imminence.ge_emergency")
        && labels.contains("style.adversarial") && labels.contains("fiction") && labels.contains("authentic"), labels.toString());
    assertEquals(List.of("ai.harm_provision", "ai.emotional_failure", "ai.manipulation", "ai.safeguarding_failure"),
        result.assistant().head().labels());
  }
}
