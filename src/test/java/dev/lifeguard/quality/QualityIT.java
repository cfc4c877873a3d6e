package dev.lifeguard.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.classifier.Classifier;
import dev.lifeguard.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed classifier must not fall more than 2 points below its recorded quality
 * (models/quality.json, also in the model card) on the held-out split and the public eval sets.
 */
class QualityIT {
  private static final double TOLERANCE = 0.02;

  @Test
  void committed_classifier_holds_its_recorded_quality() throws Exception {
    JsonObject baseline = QualityRecord.read(Path.of("models"));
    List<String> regressions = new ArrayList<>();
    try (Classifier classifier = Classifier.load(ConfigLoader.defaults(Map.of()).inference())) {
      check(regressions, "held-out split", HeldOutSet.items(), classifier, baseline);
      for (String set : List.of("simplesafetytests.jsonl", "hatecheck_threats.jsonl")) {
        check(regressions, set, EvalCommand.read(Path.of("src/test/resources/eval", set)), classifier, baseline);
      }
    }
    assertTrue(regressions.isEmpty(), String.join("\n", regressions));
  }

  private static void check(List<String> regressions, String name, List<EvalItem> items, Classifier classifier, JsonObject baseline) {
    JsonObject now = QualityReport.of(items, EvalCommand.predict(items, classifier)).toJson();
    JsonObject then = baseline.getJsonObject(name);
    assertTrue(then != null, "quality.json has no entry for " + name);
    for (String metric : List.of("recall", "recall_strict", "recall_moderate", "subject_accuracy", "severity_within_one")) {
      compare(regressions, name, metric, now.getJsonObject(metric), then.getJsonObject(metric), true);
    }
    for (String metric : List.of("fpr_benign", "fpr_hard_negative", "fpr_benign_moderate", "fpr_hard_negative_moderate",
        "replaced_benign", "replaced_hard_negative")) {
      compare(regressions, name, metric, now.getJsonObject(metric), then.getJsonObject(metric), false);
    }
    JsonObject types = now.getJsonObject("recall_by_type");
    for (String type : types.fieldNames()) {
      compare(regressions, name, "recall " + type, types.getJsonObject(type), then.getJsonObject("recall_by_type").getJsonObject(type), true);
    }
  }

  private static void compare(List<String> out, String set, String metric, JsonObject now, JsonObject then, boolean higherIsBetter) {
    if (now == null || then == null || now.getValue("rate") == null || then.getValue("rate") == null) {
      return;
    }
    double delta = now.getDouble("rate") - then.getDouble("rate");
    if (higherIsBetter ? delta < -TOLERANCE : delta > TOLERANCE) {
      out.add(set + ": " + metric + " went from " + then.getDouble("rate") + " to " + now.getDouble("rate"));
    }
  }
}
