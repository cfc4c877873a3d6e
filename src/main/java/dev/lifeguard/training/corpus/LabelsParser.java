package dev.lifeguard.training.corpus;

import java.util.List;
import java.util.Set;

/**
 * Reads {@link Labels} and enforces the spec's cross-field rules: types empty iff no risk, subject
 * null iff no risk, severity none iff no risk, imminence not_applicable iff severity none, and a
 * hard negative carries no risk.
 */
final class LabelsParser {
  static final Set<String> LABEL_FIELDS = Set.of("risk", "types", "subject", "severity", "imminence", "style",
      "fiction", "authentic", "features", "protective", "hard_negative", "lang");

  private LabelsParser() {}

  /** Every field required (messages and whole-conversation labels). */
  static Labels complete(Fields f) {
    for (String field : LABEL_FIELDS) {
      if (!f.has(field) && !field.equals("subject")) {
        throw f.error(field, "missing");
      }
    }
    if (!f.present("subject")) {
      throw f.error("subject", "missing (null when there is no risk)");
    }
    return parse(f);
  }

  /** Only {@code risk} required, plus the risk fields when risk is true (user-turn labels). */
  static Labels turn(Fields f) {
    return parse(f);
  }

  private static Labels parse(Fields f) {
    boolean risk = f.bool("risk");
    List<String> types = f.has("types") ? f.strings("types", Vocabulary.TYPES, null) : List.of();
    String subject = f.has("subject") ? f.oneOf("subject", Vocabulary.SUBJECTS) : null;
    int severity = f.has("severity") ? Vocabulary.SEVERITIES.indexOf(f.oneOf("severity", Vocabulary.SEVERITIES)) : 0;
    int imminence = f.has("imminence") ? Vocabulary.IMMINENCES.indexOf(f.oneOf("imminence", Vocabulary.IMMINENCES)) : 0;
    if (risk) {
      requireForRisk(f, types.isEmpty(), "types", "at least one type when risk is true");
      requireForRisk(f, subject == null, "subject", "self, other or unknown when risk is true");
      requireForRisk(f, severity == 0, "severity", "mild, moderate, high or critical when risk is true");
    } else {
      rejectWithoutRisk(f, !types.isEmpty(), "types", "must be empty when risk is false");
      rejectWithoutRisk(f, subject != null, "subject", "must be null when risk is false");
      rejectWithoutRisk(f, severity != 0, "severity", "must be none when risk is false");
    }
    if ((severity == 0) != (imminence == 0)) {
      throw f.error("imminence", "must be not_applicable exactly when severity is none");
    }
    Boolean hardNegative = f.has("hard_negative") ? f.bool("hard_negative") : null;
    if (Boolean.TRUE.equals(hardNegative) && risk) {
      throw f.error("hard_negative", "a hard negative cannot carry risk");
    }
    return new Labels(risk, types, subject, severity, imminence,
        f.has("style") ? f.oneOf("style", Vocabulary.STYLES) : null,
        f.has("fiction") ? f.bool("fiction") : null,
        f.has("authentic") ? f.bool("authentic") : null,
        f.has("features") ? f.strings("features", null, Vocabulary.FEATURE_NAME) : null,
        f.has("protective") ? f.strings("protective", Vocabulary.PROTECTIVE_FACTORS, null) : null,
        hardNegative,
        f.has("lang") ? f.string("lang", Vocabulary.LANGUAGE) : null);
  }

  private static void requireForRisk(Fields f, boolean missing, String field, String expectation) {
    if (missing) {
      throw f.error(field, "expected " + expectation);
    }
  }

  private static void rejectWithoutRisk(Fields f, boolean present, String field, String rule) {
    if (present) {
      throw f.error(field, rule);
    }
  }
}
