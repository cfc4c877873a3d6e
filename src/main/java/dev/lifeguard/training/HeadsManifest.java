package dev.lifeguard.training;

import dev.lifeguard.classifier.ContextWindow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeguard.inference.Lexicon;
import dev.lifeguard.inference.ProbeHeads;
import dev.lifeguard.training.learn.BinaryMetrics;
import dev.lifeguard.training.onnx.HeadBlock;
import dev.lifeguard.training.onnx.MlpBlock;
import dev.lifeguard.training.onnx.LinearHead;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code heads.json}: what {@link ProbeHeads} needs (files, label order, thresholds) plus how the
 * heads were made. No dates or timings: retraining the same corpus gives the same bytes.
 */
final class HeadsManifest {
  static final String FORMAT = "lifeguard-probe-heads/1";
  static final String POOLING = "mean of the encoder's window vectors, L2-normalised (ProbeHeads.messageVector)";
  static final String CONTEXT = "user turn: previous " + ContextWindow.PREVIOUS_TURNS
      + " user/assistant turns + the turn, joined with \\n (ContextWindow.textFor); assistant input: "
      + "[reply vector ; vector of the previous " + ContextWindow.PREVIOUS_TURNS + " turns (ContextWindow.contextFor)]";
  static final String LEXICON_FILE = "lexicon-message.bin";
  static final String LEXICON_WORDS = "lower-cased words (letters, digits, apostrophes), each word and each adjacent pair hashed (FNV-1a, mixed) "
      + "into " + Lexicon.BUCKETS + " buckets, counted once; texts over " + Lexicon.CHUNK_WORDS + " words read in half-overlapping chunks, highest logit per output";
  static final String LEXICON_FAMILIES = "outputs named words:<label> sum word and word-pair buckets; outputs named chars:<label> sum "
      + "the buckets of each word's character 3-, 4- and 5-grams (the word padded with one space each side); same buckets, chunks and hash";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private HeadsManifest() {}

  static byte[] render(TrainingResult r, Map<String, String> fileHashes) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    ObjectNode encoder = root.putObject("encoder");
    encoder.put("name", r.encoderName());
    encoder.put("layers", r.encoderLayers());
    encoder.put("dimension", r.dimension());
    encoder.put("pooling", POOLING);
    encoder.put("context", CONTEXT);
    ObjectNode lexicon = root.putObject("lexicon");
    lexicon.put("file", LEXICON_FILE);
    lexicon.put("sha256", fileHashes.get(LEXICON_FILE));
    lexicon.put("buckets", Lexicon.BUCKETS);
    lexicon.put("words", LEXICON_WORDS);
    lexicon.put("families", LEXICON_FAMILIES);
    lexicon.put("training", "per output, L2 " + LexiconTrainer.L2 + " logistic regression (L-BFGS, class-balanced); "
        + "training rows read logits from the lexicon of the other folds");
    r.lexicon().outputs().forEach(lexicon.putArray("outputs")::add);
    ObjectNode heads = root.putObject("heads");
    head(heads, r.message().head(), fileHashes);
    head(heads, r.assistant().head(), fileHashes);
    ObjectNode labels = root.putObject("labels");
    r.labels().forEach(l -> label(labels.putObject(l.label()), l));
    ObjectNode corpus = root.putObject("corpus");
    corpus.put("sha256", r.corpusSha256());
    r.corpusCounts().forEach(corpus::put);
    r.languages().forEach(corpus.putObject("languages")::put);
    ObjectNode training = root.putObject("training");
    training.put("seed", r.options().seed());
    training.put("folds", r.options().folds());
    r.options().l2Grid().forEach(training.putArray("l2Grid")::add);
    training.put("heldOutFraction", r.options().heldOutFraction());
    training.put("heldOutSalt", Split.HELD_OUT_SALT);
    if (r.options().reduced()) {
      training.put("trainingShare", r.options().trainingShare());
      training.put("trainingShareSalt", Split.TRAINING_SHARE_SALT);
    }
    training.put("optimizer", "L-BFGS on class-balanced mean cross-entropy over standardised vectors (linear labels); "
        + "mini-batch AdamW, " + MlpTrainer.HIDDEN + " ReLU units, epochs chosen by cross-validation (risk and types)");
    training.put("calibration", "Platt scaling (sigmoid labels) or matrix scaling (softmax group) on out-of-fold logits");
    r.splitCounts().forEach(training.putObject("split")::put);
    ArrayNode skipped = training.putArray("skippedLabels");
    r.message().skipped().forEach(skipped::add);
    r.assistant().skipped().forEach(skipped::add);
    try {
      return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render heads.json", e);
    }
  }

  static String fileName(LinearHead head) {
    return "heads-" + head.name() + ".onnx";
  }

  private static void head(ObjectNode heads, LinearHead head, Map<String, String> fileHashes) {
    ObjectNode h = heads.putObject(head.name());
    h.put("file", fileName(head));
    h.put("sha256", fileHashes.get(fileName(head)));
    h.put("input", LinearHead.INPUT);
    h.put("inputDimension", head.inputDimension());
    h.put("output", LinearHead.OUTPUT);
    head.labels().forEach(h.putArray("labels")::add);
    ArrayNode blocks = h.putArray("blocks");
    for (HeadBlock b : head.blocks()) {
      ObjectNode block = blocks.addObject();
      block.put("activation", b.activationName());
      if (b instanceof MlpBlock mlp) {
        block.put("hidden", mlp.hidden());
        block.put("hiddenActivation", "relu");
      }
      b.labels().forEach(block.putArray("labels")::add);
    }
  }

  private static void label(ObjectNode node, LabelResult l) {
    node.put("head", l.head());
    node.put("threshold", (float) l.threshold());
    node.put("l2", l.l2());
    node.put("rule", l.rule());
    node.put("calibration", l.calibration());
    node.put("trainPositives", l.trainPositives());
    node.put("trainNegatives", l.trainNegatives());
    BinaryMetrics m = l.heldOut();
    if (m != null) {
      ObjectNode h = node.putObject("heldOut");
      h.put("n", m.n());
      h.put("support", m.support());
      metric(h, "precision", m.precision());
      metric(h, "recall", m.recall());
      metric(h, "f1", m.f1());
      metric(h, "auc", m.auc());
      metric(h, "ece", m.ece());
    }
  }

  /** Four decimals; null where undefined (AUC without negatives), since JSON has no NaN. */
  private static void metric(ObjectNode node, String name, double v) {
    if (Double.isNaN(v)) {
      node.putNull(name);
    } else {
      node.put(name, Math.round(v * 1e4) / 1e4);
    }
  }
}
