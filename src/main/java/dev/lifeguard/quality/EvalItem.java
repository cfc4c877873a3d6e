package dev.lifeguard.quality;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One labelled text to score. Reads both the evaluation-set format ({@code expect: {...}}, see
 * src/test/resources/eval/SCHEMA.md) and the project corpus format (labels at top level).
 */
public record EvalItem(
    String id,
    String text,
    Optional<Boolean> risk,
    Set<String> types,
    Optional<String> subject,
    Optional<String> severity,
    boolean hardNegative,
    boolean outOfScope,
    boolean policyDependent,
    boolean subjectHeuristic) {

  public static EvalItem parse(JsonObject line) {
    JsonObject expect = line.containsKey("expect") ? line.getJsonObject("expect") : line;
    Object risk = expect.getValue("risk");
    return new EvalItem(
        line.getString("id"),
        line.getString("text"),
        risk instanceof Boolean b ? Optional.of(b) : Optional.empty(),
        strings(expect.getJsonArray("types")),
        Optional.ofNullable(expect.getString("subject")),
        Optional.ofNullable(expect.getString("severity")).filter(s -> !s.equals("none") || Boolean.FALSE.equals(risk)),
        Boolean.TRUE.equals(expect.getValue("hard_negative")),
        Boolean.TRUE.equals(expect.getValue("out_of_scope_harm")),
        Boolean.TRUE.equals(expect.getValue("policy_dependent")),
        "heuristic".equals(expect.getString("subject_source")));
  }

  /** Benign text: no risk, not a harmful-but-off-taxonomy item. */
  public boolean benign() {
    return risk.isPresent() && !risk.get() && !outOfScope;
  }

  public boolean positive() {
    return risk.orElse(false);
  }

  private static Set<String> strings(JsonArray array) {
    Set<String> out = new LinkedHashSet<>();
    if (array != null) {
      array.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }
}
