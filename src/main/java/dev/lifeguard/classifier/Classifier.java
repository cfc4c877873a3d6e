package dev.lifeguard.classifier;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.Assessor;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.config.InferenceConfig;
import dev.lifeguard.inference.EncoderSource;
import dev.lifeguard.inference.OnnxTextEncoder;
import dev.lifeguard.inference.ProbeHeads;
import dev.lifeguard.inference.ProbeScores;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole classifier, synchronous: encoder, probe heads, cache and the assessor. Blocking — run it
 * on worker threads ({@link ClassifierVerticle}), in tools and in benchmarks, never on an event loop.
 */
public final class Classifier implements AutoCloseable {
  private final OnnxTextEncoder encoder;
  private final ProbeHeads heads;
  private final MessageScorer scorer;
  private final Assessor assessor = new Assessor();

  private Classifier(OnnxTextEncoder encoder, ProbeHeads heads, int cacheEntries) {
    heads.requireEncoder(encoder.name(), encoder);
    this.encoder = encoder;
    this.heads = heads;
    this.scorer = new MessageScorer(encoder, heads, cacheEntries);
  }

  /** Loads the encoder and the heads named by the configuration. Blocking, a second or so. */
  public static Classifier load(InferenceConfig config) {
    OnnxTextEncoder encoder = OnnxTextEncoder.load(EncoderSource.configured(config), config.intraOpThreads());
    try {
      // The configured directory wins; else the heads packaged in the jar at build time.
      ProbeHeads heads = Files.isRegularFile(config.modelsDir().resolve(ProbeHeads.MANIFEST))
          ? ProbeHeads.load(config.modelsDir()) : ProbeHeads.loadDefault();
      return new Classifier(encoder, heads, config.cacheEntries());
    } catch (RuntimeException e) {
      encoder.close();
      throw e;
    }
  }

  public Assessment assess(AssessJob job) {
    return assessAll(List.of(job)).get(0);
  }

  /** Assesses several conversations, scoring turns they share once. */
  public List<Assessment> assessAll(List<AssessJob> jobs) {
    List<List<ChatMessage>> conversations = jobs.stream().map(AssessJob::messages).toList();
    List<List<ProbeScores>> scores = scorer.score(conversations);
    List<Assessment> out = new ArrayList<>(jobs.size());
    for (int i = 0; i < jobs.size(); i++) {
      out.add(assessor.assess(jobs.get(i).messages(), jobs.get(i).context(), scores.get(i)));
    }
    return out;
  }

  public MessageScorer scorer() {
    return scorer;
  }

  /** What answers report as {@code metadata.model}: the encoder and the project's probe heads on it. */
  public String modelName() {
    return modelName(encoder.name());
  }

  /** The model name {@link #load} would report for this configuration, without loading anything (a gateway's). */
  public static String modelNameFor(InferenceConfig config) {
    return modelName(EncoderSource.configured(config).name());
  }

  private static String modelName(String encoderName) {
    return "lifeguard-probes:" + encoderName;
  }

  @Override
  public void close() {
    encoder.close();
    heads.close();
  }
}
