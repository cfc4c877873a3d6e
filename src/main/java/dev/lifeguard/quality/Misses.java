package dev.lifeguard.quality;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.Risk;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The wrong calls of an evaluation, one JSON line each, so that quality work reads what goes wrong
 * (which words, which findings, model or pattern) instead of guessing from rates. Evaluation texts
 * are labelled test data, not user traffic, so writing them out is fine.
 */
final class Misses {
  private Misses() {}

  static void append(Path file, String set, List<EvalItem> items, List<Prediction> predictions,
      List<Assessment> assessments) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      EvalItem item = items.get(i);
      String kind = kind(item, predictions.get(i));
      if (kind != null) {
        lines.add(line(set, kind, item, assessments.get(i)).encode());
      }
    }
    Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * missed, flagged_mild (a positive flagged below moderate: no resources, reply unchanged), false_positive
   * (benign), false_positive_hard, flagged_off_taxonomy, or null for a right call or an unlabelled row.
   */
  static String kind(EvalItem item, Prediction prediction) {
    boolean flagged = prediction.risk();
    if (item.risk().isEmpty()) {
      return null;
    }
    if (item.positive()) {
      return !flagged ? "missed" : prediction.moderateOrAbove() ? null : "flagged_mild";
    }
    if (!flagged) {
      return null;
    }
    return item.outOfScope() ? "flagged_off_taxonomy" : item.hardNegative() ? "false_positive_hard" : "false_positive";
  }

  private static JsonObject line(String set, String kind, EvalItem item, Assessment a) {
    JsonArray risks = new JsonArray();
    for (Risk r : a.risks()) {
      risks.add(new JsonObject()
          .put("type", r.type().wireName())
          .put("subject", r.subject().wireName())
          .put("severity", r.severity().wireName())
          .put("confidence", Math.round(r.confidence() * 1000) / 1000.0)
          .put("framework", r.framework())
          .put("features", new JsonArray(r.featureNames())));
    }
    return new JsonObject()
        .put("set", set)
        .put("kind", kind)
        .put("id", item.id())
        .put("expected_types", new JsonArray(List.copyOf(item.types())))
        .put("risks", risks)
        .put("rationale", a.rationale())
        .put("text", item.text());
  }
}
