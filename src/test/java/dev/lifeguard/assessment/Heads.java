package dev.lifeguard.assessment;

import dev.lifeguard.inference.ProbeLabels;
import dev.lifeguard.inference.ProbeScores;
import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Style;
import dev.lifeguard.taxonomy.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds probe-head scores by hand, label by label, as the trained heads would emit them. */
final class Heads {
  private final Map<String, Float> scores = new HashMap<>();

  static Heads risk(double p) {
    Heads h = new Heads();
    h.scores.put(ProbeLabels.RISK, (float) p);
    return h;
  }

  /** A turn the heads read as safe. */
  static ProbeScores calm() {
    return risk(0.03).subject(Subject.UNKNOWN).severity(Severity.NONE).authentic(0.9).build();
  }

  Heads type(RiskType type, double p) {
    scores.put(ProbeLabels.TYPE_PREFIX + type.wireName(), (float) p);
    return this;
  }

  Heads subject(Subject subject) {
    for (Subject s : Subject.values()) {
      scores.put(ProbeLabels.SUBJECT_PREFIX + s.wireName(), s == subject ? 0.9f : 0.05f);
    }
    return this;
  }

  /** Ordinal heads: every level up to {@code severity} clearly yes, above it clearly no. */
  Heads severity(Severity severity) {
    for (Severity s : List.of(Severity.MILD, Severity.MODERATE, Severity.HIGH, Severity.CRITICAL)) {
      scores.put(ProbeLabels.SEVERITY_PREFIX + s.wireName(), s.compareTo(severity) <= 0 ? 0.9f : 0.1f);
    }
    return this;
  }

  Heads imminence(Imminence imminence) {
    for (Imminence i : List.of(Imminence.SUBACUTE, Imminence.URGENT, Imminence.EMERGENCY)) {
      scores.put(ProbeLabels.IMMINENCE_PREFIX + i.wireName(), i.compareTo(imminence) <= 0 ? 0.9f : 0.1f);
    }
    return this;
  }

  Heads style(Style style, double p) {
    scores.put(ProbeLabels.STYLE_PREFIX + style.wireName(), (float) p);
    return this;
  }

  Heads fiction(double p) {
    scores.put(ProbeLabels.FICTION, (float) p);
    return this;
  }

  Heads authentic(double p) {
    scores.put(ProbeLabels.AUTHENTIC, (float) p);
    return this;
  }

  Heads protective(String factor, double p) {
    scores.put(ProbeLabels.PROTECTIVE_PREFIX + factor, (float) p);
    return this;
  }

  static ProbeScores ai(AiConcern concern, double p) {
    return new ProbeScores(Map.of(ProbeLabels.AI_PREFIX + concern.wireName(), (float) p));
  }

  ProbeScores build() {
    return new ProbeScores(scores);
  }

  /** With trained, recall-first decision thresholds for risk and the types. */
  ProbeScores buildWithThresholds(double risk, double types) {
    Map<String, Float> thresholds = new HashMap<>();
    thresholds.put(ProbeLabels.RISK, (float) risk);
    for (RiskType t : RiskType.values()) {
      thresholds.put(ProbeLabels.TYPE_PREFIX + t.wireName(), (float) types);
    }
    return new ProbeScores(scores, thresholds);
  }

  /**
   * A keyword-driven stand-in for the model, for tests about routing rather than judgement: a user
   * turn mentioning "die" or "suicid" scores as a high suicide risk to the speaker; others are calm;
   * assistant and system turns get no scores.
   */
  static List<ProbeScores> keywordFake(List<ChatMessage> messages) {
    List<ProbeScores> list = new ArrayList<>();
    for (ChatMessage m : messages) {
      String text = m.content().toLowerCase(Locale.ROOT);
      if (!"user".equals(m.role())) {
        list.add(ProbeScores.EMPTY);
      } else if (text.contains("die") || text.contains("suicid")) {
        list.add(risk(0.95).type(RiskType.SUICIDE, 0.9).subject(Subject.SELF).severity(Severity.HIGH)
            .imminence(Imminence.SUBACUTE).authentic(0.9).build());
      } else {
        list.add(calm());
      }
    }
    return list;
  }
}
