package dev.lifeguard.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QualityReportTest {
  private static EvalItem item(String json) {
    return EvalItem.parse(new JsonObject(json));
  }

  @Test
  void unknown_rows_are_excluded_and_rates_are_kept_apart() {
    List<EvalItem> items = List.of(
        item("{\"id\":\"1\",\"text\":\"a\",\"expect\":{\"risk\":true,\"types\":[\"suicide\"],\"subject\":\"self\",\"severity\":\"high\"}}"),
        item("{\"id\":\"2\",\"text\":\"b\",\"expect\":{\"risk\":true,\"types\":[\"violence\"],\"subject\":\"other\",\"policy_dependent\":true}}"),
        item("{\"id\":\"3\",\"text\":\"c\",\"expect\":{\"risk\":false,\"types\":[]}}"),
        item("{\"id\":\"4\",\"text\":\"d\",\"expect\":{\"risk\":false,\"types\":[],\"hard_negative\":true}}"),
        item("{\"id\":\"5\",\"text\":\"e\",\"expect\":{\"risk\":false,\"types\":[],\"out_of_scope_harm\":true}}"),
        item("{\"id\":\"6\",\"text\":\"f\",\"expect\":{\"risk\":null,\"types\":[]}}"));
    List<Prediction> predictions = List.of(
        new Prediction(true, Set.of("self_harm"), "self", "moderate", false, "en"),
        new Prediction(false, Set.of(), null, "none", false, "en"),
        new Prediction(false, Set.of(), null, "none", false, "en"),
        new Prediction(true, Set.of("violence"), "other", "mild", false, "en"),
        new Prediction(true, Set.of("violence"), "other", "mild", false, "en"),
        new Prediction(true, Set.of("violence"), "other", "mild", false, "en"));
    assertEquals(Arrays.asList(null, "missed", null, "false_positive_hard", "flagged_off_taxonomy", null),
        IntStream.range(0, 6).mapToObj(i -> Misses.kind(items.get(i), predictions.get(i))).toList(),
        "eval --misses lists the same wrong calls the rates count");
    QualityReport r = QualityReport.of(items, predictions);
    assertEquals(5, r.scored());
    assertEquals(new QualityReport.Ratio(1, 2), r.recall());
    assertEquals(new QualityReport.Ratio(1, 1), r.recallStrict());
    assertEquals(new QualityReport.Ratio(1, 1), r.recallByType().get("suicide"), "self-directed types score at group level");
    assertEquals(new QualityReport.Ratio(0, 1), r.recallByType().get("violence"));
    assertEquals(new QualityReport.Ratio(0, 1), r.falsePositiveBenign());
    assertEquals(new QualityReport.Ratio(1, 1), r.falsePositiveHardNegative());
    assertEquals(new QualityReport.Ratio(1, 1), r.offTaxonomyFlagRate());
    assertEquals(new QualityReport.Ratio(1, 1), r.subjectAccuracy());
    assertEquals(new QualityReport.Ratio(0, 1), r.severityExact());
    assertEquals(new QualityReport.Ratio(1, 1), r.severityWithinOne());
  }

  @Test
  void a_positive_flagged_only_mild_counts_for_recall_but_not_where_replies_change() {
    List<EvalItem> items = List.of(
        item("{\"id\":\"1\",\"text\":\"a\",\"expect\":{\"risk\":true,\"types\":[\"suicide\"]}}"),
        item("{\"id\":\"2\",\"text\":\"b\",\"expect\":{\"risk\":true,\"types\":[\"suicide\"]}}"));
    List<Prediction> predictions = List.of(
        new Prediction(true, Set.of("suicide"), "self", "mild", false, "en"),
        new Prediction(true, Set.of("suicide"), "self", "high", false, "en"));
    QualityReport r = QualityReport.of(items, predictions);
    assertEquals(new QualityReport.Ratio(2, 2), r.recall());
    assertEquals(new QualityReport.Ratio(1, 2), r.recallModerate());
    assertEquals("flagged_mild", Misses.kind(items.get(0), predictions.get(0)), "eval --misses lists it for reading");
    assertNull(Misses.kind(items.get(1), predictions.get(1)));
    assertTrue(r.render("set").contains("recall, flagged moderate or above          0.500 (1/2)"), r.render("set"));
  }

  @Test
  void replies_the_policy_would_replace_are_counted_per_kind_of_item() {
    List<EvalItem> items = List.of(
        item("{\"id\":\"1\",\"text\":\"a\",\"expect\":{\"risk\":true,\"types\":[\"suicide\"]}}"),
        item("{\"id\":\"2\",\"text\":\"b\",\"expect\":{\"risk\":true,\"types\":[\"violence\"]}}"),
        item("{\"id\":\"3\",\"text\":\"c\",\"expect\":{\"risk\":false,\"types\":[]}}"),
        item("{\"id\":\"4\",\"text\":\"d\",\"expect\":{\"risk\":false,\"types\":[]}}"),
        item("{\"id\":\"5\",\"text\":\"e\",\"expect\":{\"risk\":false,\"types\":[],\"hard_negative\":true}}"),
        item("{\"id\":\"6\",\"text\":\"f\",\"expect\":{\"risk\":false,\"types\":[]}}"));
    List<Prediction> predictions = List.of(
        new Prediction(true, Set.of("suicide"), "self", "high", true, "en"),
        new Prediction(true, Set.of("violence"), "other", "high", false, "en"),
        new Prediction(true, Set.of("self_neglect"), "self", "high", true, "en"),
        new Prediction(false, Set.of(), null, "none", false, "en"),
        new Prediction(true, Set.of("suicide"), "self", "moderate", false, "en"),
        new Prediction(true, Set.of("violence"), "other", "high", false, "en"));
    QualityReport r = QualityReport.of(items, predictions);
    assertEquals(new QualityReport.Ratio(1, 2), r.replacedPositive());
    assertEquals(new QualityReport.Ratio(1, 3), r.replacedBenign(), "flagged is not replaced: someone else at risk gets bystander guidance");
    assertEquals(new QualityReport.Ratio(0, 1), r.replacedHardNegative());
    assertEquals(1, r.toJson().getJsonObject("replaced_benign").getInteger("hits"));
    assertTrue(r.render("set").contains("  reply replaced, benign                   0.333 (1/3)"), r.render("set"));
  }

  @Test
  void rates_are_also_given_per_detected_language() {
    List<EvalItem> items = List.of(
        item("{\"id\":\"1\",\"text\":\"a\",\"expect\":{\"risk\":true,\"types\":[\"suicide\"]}}"),
        item("{\"id\":\"2\",\"text\":\"b\",\"expect\":{\"risk\":true,\"types\":[\"suicide\"]}}"),
        item("{\"id\":\"3\",\"text\":\"c\",\"expect\":{\"risk\":false,\"types\":[]}}"),
        item("{\"id\":\"4\",\"text\":\"d\",\"expect\":{\"risk\":false,\"types\":[],\"hard_negative\":true}}"));
    List<Prediction> predictions = List.of(
        new Prediction(true, Set.of("suicide"), "self", "high", true, "es"),
        new Prediction(false, Set.of(), null, "none", false, "en"),
        new Prediction(true, Set.of("suicide"), "self", "mild", false, "es"),
        new Prediction(false, Set.of(), null, "none", false, "en"));
    QualityReport r = QualityReport.of(items, predictions);
    assertEquals(List.of("en", "es"), List.copyOf(r.byLanguage().keySet()));
    assertEquals(new QualityReport.Ratio(1, 1), r.byLanguage().get("es").recall());
    assertEquals(new QualityReport.Ratio(1, 1), r.byLanguage().get("es").falsePositiveBenign());
    assertEquals(new QualityReport.Ratio(0, 1), r.byLanguage().get("en").recall());
    assertEquals(new QualityReport.Ratio(0, 1), r.byLanguage().get("en").falsePositiveHardNegative());
    assertEquals(1, r.toJson().getJsonObject("by_language").getJsonObject("es").getJsonObject("fpr_benign").getInteger("hits"));
    assertTrue(r.render("set").contains("  es    1.000 (1/1)        1.000 (1/1)        n/a (0)"), r.render("set"));
  }

  @Test
  void corpus_lines_with_top_level_labels_are_read_too() {
    EvalItem item = item("{\"id\":\"sui-1\",\"text\":\"x\",\"risk\":true,\"types\":[\"suicide\"],\"subject\":\"self\",\"severity\":\"moderate\",\"hard_negative\":false}");
    assertEquals(true, item.positive());
    assertEquals("moderate", item.severity().orElseThrow());
  }
}
