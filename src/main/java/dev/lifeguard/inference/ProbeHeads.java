package dev.lifeguard.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained probe heads: {@code heads-message.onnx} ([message vector ; {@link Lexicon} logits of its
 * text] → scores) and
 * {@code heads-assistant.onnx} ([reply vector ; context vector] → {@code ai.*} scores), with their
 * label order and decision thresholds from {@code heads.json}. Written by {@code lifeguard train}.
 *
 * <p>Inputs are encoder vectors pooled with {@link #messageVector(float[][])}; a user turn in a chat
 * is encoded from {@code dev.lifeguard.training.ContextWindow.textFor}, an assistant reply from its
 * content and {@code ContextWindow.contextFor}. Scores are calibrated probabilities. Thread-safe:
 * ONNX Runtime sessions may be run concurrently.
 *
 * <p>{@code subject.*} and {@code imminence.*} were learnt among risk items only, so they are
 * conditional on risk: read them when {@code risk} is flagged, not on their own. Severity and
 * imminence levels are best read as the number of "≥ level" heads with probability ≥ 0.5; the
 * per-label thresholds favour recall and are for flagging.
 */
public final class ProbeHeads implements AutoCloseable {
  public static final Path DEFAULT_DIR = Path.of("models");
  public static final String MANIFEST = "heads.json";
  public static final String MESSAGE_HEAD = "message";
  public static final String ASSISTANT_HEAD = "assistant";
  /** Where {@link #loadDefault()} looks when {@link #DEFAULT_DIR} has no manifest. */
  public static final String CLASSPATH_DIR = "models/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final String encoderName;
  private final String encoderLayers;
  private final int dimension;
  private final Head message;
  private final Head assistant;
  private final Map<String, Float> thresholds;
  /** Word evidence appended to the message vector; null for heads trained without one. */
  private final Lexicon lexicon;

  private ProbeHeads(JsonNode manifest, FileReader files) throws OrtException, IOException {
    this.encoderName = manifest.path("encoder").path("name").asText();
    // Heads from before layers were recorded read the last hidden state only.
    this.encoderLayers = manifest.path("encoder").path("layers").asText("the graph's first output (last_hidden_state)");
    this.dimension = manifest.path("encoder").path("dimension").asInt();
    this.lexicon = lexicon(manifest, files);
    this.message = head(manifest, MESSAGE_HEAD, files, dimension + (lexicon == null ? 0 : lexicon.outputs().size()));
    this.assistant = head(manifest, ASSISTANT_HEAD, files, 2 * dimension);
    Map<String, Float> t = new HashMap<>();
    manifest.path("labels").fields().forEachRemaining(e -> t.put(e.getKey(), (float) e.getValue().path("threshold").asDouble()));
    this.thresholds = Map.copyOf(t);
  }

  /** Loads {@code heads.json} and the ONNX files it names from {@code dir}. */
  public static ProbeHeads load(Path dir) {
    return open(dir.resolve(MANIFEST).toString(), name -> Files.readAllBytes(dir.resolve(name)));
  }

  /** {@code models/} under the working directory, else {@code models/} on the classpath. */
  public static ProbeHeads loadDefault() {
    if (Files.isRegularFile(DEFAULT_DIR.resolve(MANIFEST))) {
      return load(DEFAULT_DIR);
    }
    return open("classpath:" + CLASSPATH_DIR + MANIFEST, ProbeHeads::classpathBytes);
  }

  /** True when {@link #loadDefault()} would find a manifest. */
  public static boolean defaultAvailable() {
    return Files.isRegularFile(DEFAULT_DIR.resolve(MANIFEST))
        || ProbeHeads.class.getClassLoader().getResource(CLASSPATH_DIR + MANIFEST) != null;
  }

  /**
   * A text's vector from the encoder's per-window vectors ({@link TextEncoder#encode}): their mean,
   * L2-normalised, so a long text covered by several windows weighs every part and still has the
   * unit length the heads were trained on. One window is returned as is.
   */
  public static float[] messageVector(float[][] windows) {
    if (windows.length == 1) {
      return windows[0];
    }
    float[] v = new float[windows[0].length];
    for (float[] w : windows) {
      for (int d = 0; d < v.length; d++) {
        v[d] += w[d];
      }
    }
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float inv = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
    for (int d = 0; d < v.length; d++) {
      v[d] *= inv;
    }
    return v;
  }

  /** The encoder the heads were trained on; vectors from another encoder are meaningless to them. */
  public String encoderName() {
    return encoderName;
  }

  /** Which of the encoder's hidden layers the heads read ({@link TextEncoder#layers}). */
  public String encoderLayers() {
    return encoderLayers;
  }

  /** Fails unless {@code encoder}'s vectors are the kind these heads were trained on: same encoder, layers and length. */
  public void requireEncoder(String name, TextEncoder encoder) {
    if (dimension != encoder.dimension() || !encoderName.equals(name) || !encoderLayers.equals(encoder.layers())) {
      throw new IllegalStateException("the probe heads were trained for encoder " + encoderName + " (" + encoderLayers + ", "
          + dimension + " dims) but the configured encoder is " + name + " (" + encoder.layers() + ", " + encoder.dimension()
          + " dims): retrain with `java -jar target/lifeguard.jar train`");
    }
  }

  /** Length of a message vector (the assistant head takes twice this). */
  public int dimension() {
    return dimension;
  }

  /** Every label the heads produce, in output order: the message head's, then the assistant head's. */
  public List<String> labels() {
    List<String> out = new ArrayList<>(message.labels());
    out.addAll(assistant.labels());
    return out;
  }

  /**
   * The decision threshold chosen in training for a label (flag when score ≥ threshold), or
   * {@code +Infinity} for a label the heads do not produce, so it never fires.
   */
  public float threshold(String label) {
    return thresholds.getOrDefault(label, Float.POSITIVE_INFINITY);
  }

  /** True when the label's score reaches its threshold (for conditional labels, see the class comment). */
  public boolean flagged(ProbeScores scores, String label) {
    return scores.get(label) >= threshold(label);
  }

  /** Scores one text from its pooled vector (or one of its window vectors) and the text itself. */
  public ProbeScores score(float[] messageVector, String text) {
    return score(List.of(messageVector), text).get(0);
  }

  /**
   * Scores vectors of the same text (its windows, say): each vector is read with the text's word
   * evidence. {@code text} may be null only for heads trained without a lexicon.
   */
  public List<ProbeScores> score(List<float[]> messageVectors, String text) {
    if (lexicon == null) {
      return message.run(env, messageVectors, thresholds);
    }
    if (text == null) {
      throw new IllegalArgumentException("these heads read the text's words as well as its vector");
    }
    float[] words = lexicon.logits(text);
    List<float[]> inputs = new ArrayList<>(messageVectors.size());
    for (float[] v : messageVectors) {
      float[] joined = new float[dimension + words.length];
      System.arraycopy(checked(v, dimension), 0, joined, 0, dimension);
      System.arraycopy(words, 0, joined, dimension, words.length);
      inputs.add(joined);
    }
    return message.run(env, inputs, thresholds);
  }

  public ProbeScores scoreAssistant(float[] replyVector, float[] contextVector) {
    return scoreAssistant(List.of(replyVector), List.of(contextVector)).get(0);
  }

  public List<ProbeScores> scoreAssistant(List<float[]> replyVectors, List<float[]> contextVectors) {
    if (replyVectors.size() != contextVectors.size()) {
      throw new IllegalArgumentException("one context per reply: " + replyVectors.size() + " vs " + contextVectors.size());
    }
    List<float[]> joined = new ArrayList<>(replyVectors.size());
    for (int i = 0; i < replyVectors.size(); i++) {
      float[] v = new float[2 * dimension];
      System.arraycopy(checked(replyVectors.get(i), dimension), 0, v, 0, dimension);
      System.arraycopy(checked(contextVectors.get(i), dimension), 0, v, dimension, dimension);
      joined.add(v);
    }
    return assistant.run(env, joined, thresholds);
  }

  @Override
  public void close() {
    message.close();
    assistant.close();
  }

  private interface FileReader {
    byte[] read(String name) throws IOException;
  }

  private static ProbeHeads open(String manifestName, FileReader files) {
    try {
      JsonNode manifest = JSON.readTree(files.read(MANIFEST));
      return new ProbeHeads(manifest, files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read probe heads " + manifestName + ": " + e.getMessage(), e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load probe heads " + manifestName + ": " + e.getMessage(), e);
    }
  }

  private static byte[] classpathBytes(String name) throws IOException {
    try (InputStream in = ProbeHeads.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + name)) {
      if (in == null) {
        throw new IOException("no " + CLASSPATH_DIR + name + " on the classpath (and no " + DEFAULT_DIR.resolve(name) + ")");
      }
      return in.readAllBytes();
    }
  }

  private static Lexicon lexicon(JsonNode manifest, FileReader files) throws IOException {
    JsonNode spec = manifest.path("lexicon");
    if (spec.isMissingNode()) {
      return null;
    }
    List<String> outputs = new ArrayList<>();
    spec.path("outputs").forEach(o -> outputs.add(o.asText()));
    return Lexicon.fromBytes(files.read(spec.path("file").asText()), outputs);
  }

  private static Head head(JsonNode manifest, String name, FileReader files, int expectedInput) throws OrtException {
    JsonNode spec = manifest.path("heads").path(name);
    if (spec.isMissingNode()) {
      throw new IllegalStateException(MANIFEST + " has no heads." + name);
    }
    int input = spec.path("inputDimension").asInt();
    if (input != expectedInput) {
      throw new IllegalStateException(MANIFEST + ": heads." + name + " takes " + input + " floats, expected " + expectedInput);
    }
    List<String> labels = new ArrayList<>();
    spec.path("labels").forEach(l -> labels.add(l.asText()));
    byte[] model;
    try {
      model = files.read(spec.path("file").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + spec.path("file").asText() + ": " + e.getMessage(), e);
    }
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1); // a few thousand multiply-adds: threads cost more than they save
    OrtSession session = OrtEnvironment.getEnvironment().createSession(model, options);
    return new Head(session, spec.path("input").asText(), spec.path("output").asText(), input, labels);
  }

  private static float[] checked(float[] v, int length) {
    if (v.length != length) {
      throw new IllegalArgumentException("expected a vector of " + length + " floats, got " + v.length);
    }
    return v;
  }

  private record Head(OrtSession session, String input, String output, int inputDimension, List<String> labels) {

    List<ProbeScores> run(OrtEnvironment env, List<float[]> vectors, Map<String, Float> thresholds) {
      if (vectors.isEmpty()) {
        return List.of();
      }
      float[][] batch = vectors.stream().map(v -> checked(v, inputDimension)).toArray(float[][]::new);
      try (OnnxTensor tensor = OnnxTensor.createTensor(env, batch);
           OrtSession.Result result = session.run(Map.of(input, tensor))) {
        float[][] scores = (float[][]) result.get(output).orElseThrow().getValue();
        List<ProbeScores> out = new ArrayList<>(scores.length);
        for (float[] row : scores) {
          Map<String, Float> values = new LinkedHashMap<>();
          for (int k = 0; k < labels.size(); k++) {
            values.put(labels.get(k), row[k]);
          }
          out.add(new ProbeScores(values, thresholds));
        }
        return out;
      } catch (OrtException e) {
        throw new IllegalStateException("probe heads failed: " + e.getMessage(), e);
      }
    }

    void close() {
      try {
        session.close();
      } catch (OrtException e) {
        // releasing native memory; nothing else to do
      }
    }
  }
}
