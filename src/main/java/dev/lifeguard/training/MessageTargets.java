package dev.lifeguard.training;

import static dev.lifeguard.inference.ProbeLabels.AUTHENTIC;
import static dev.lifeguard.inference.ProbeLabels.FICTION;
import static dev.lifeguard.inference.ProbeLabels.IMMINENCE_PREFIX;
import static dev.lifeguard.inference.ProbeLabels.PROTECTIVE_PREFIX;
import static dev.lifeguard.inference.ProbeLabels.RISK;
import static dev.lifeguard.inference.ProbeLabels.SEVERITY_PREFIX;
import static dev.lifeguard.inference.ProbeLabels.STYLE_PREFIX;
import static dev.lifeguard.inference.ProbeLabels.SUBJECT_PREFIX;
import static dev.lifeguard.inference.ProbeLabels.TYPE_PREFIX;

import dev.lifeguard.training.corpus.Labels;
import dev.lifeguard.training.corpus.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * The message head's outputs (names from {@link dev.lifeguard.inference.ProbeLabels}). Detection
 * labels (risk, types, severity, imminence) choose thresholds for recall (F2): a missed crisis costs
 * more than a false alarm. Descriptive labels use F1. Risk and the nine types share one hidden layer
 * (a small MLP); the other labels are linear probes. Adding the severity levels to the shared layer
 * was tried: better severity and fewer moderate+ false alarms, but held-out type recall fell (503 vs
 * 523 type hits, sexual violence 0.61 vs 0.82), which a recall-first detector should not trade.
 */
final class MessageTargets {
  static final double RECALL_FIRST = 2.0;
  static final double BALANCED = 1.0;

  private MessageTargets() {}

  /** @param protectiveFactors the factors with enough positives to learn (see TrainingOptions) */
  static List<Target<Labels>> all(List<String> protectiveFactors) {
    List<Target<Labels>> out = new ArrayList<>();
    out.add(new Target.Shared<>(detection()));
    out.add(new Target.Softmax<>(prefixed(SUBJECT_PREFIX, Vocabulary.SUBJECTS),
        l -> l.risk() ? Vocabulary.SUBJECTS.indexOf(l.subject()) : null));
    // severity is learnt among risk items, like imminence: whether there is risk at all is the risk head's call
    // (the stronger, non-linear one); mild is the floor of a risk, so ge_mild would just be risk
    for (int level = 2; level < Vocabulary.SEVERITIES.size(); level++) {
      int at = level;
      out.add(new Target.Binary<>(SEVERITY_PREFIX + Vocabulary.SEVERITIES.get(level),
          l -> l.risk() ? l.severity() >= at : null, RECALL_FIRST));
    }
    // imminence is learnt among risk items: "chronic" is its floor, so ge_chronic would just be risk
    for (int level = 2; level < Vocabulary.IMMINENCES.size(); level++) {
      int at = level;
      out.add(new Target.Binary<>(IMMINENCE_PREFIX + Vocabulary.IMMINENCES.get(level),
          l -> l.risk() ? l.imminence() >= at : null, RECALL_FIRST));
    }
    for (String style : Vocabulary.STYLES) {
      out.add(new Target.Binary<>(STYLE_PREFIX + style, l -> l.style() == null ? null : l.style().equals(style), BALANCED));
    }
    out.add(new Target.Binary<>(FICTION, Labels::fiction, BALANCED));
    out.add(new Target.Binary<>(AUTHENTIC, Labels::authentic, BALANCED));
    for (String factor : protectiveFactors) {
      out.add(new Target.Binary<>(PROTECTIVE_PREFIX + factor,
          l -> l.protective() == null ? null : l.protective().contains(factor), BALANCED));
    }
    return out;
  }

  /** Risk and the nine types: the shared (MLP) outputs, and what the {@link dev.lifeguard.inference.Lexicon} learns. */
  static List<Target.Binary<Labels>> detection() {
    List<Target.Binary<Labels>> detection = new ArrayList<>();
    detection.add(new Target.Binary<>(RISK, Labels::risk, RECALL_FIRST));
    for (String type : Vocabulary.TYPES) {
      detection.add(new Target.Binary<>(TYPE_PREFIX + type, l -> l.types().contains(type), RECALL_FIRST));
    }
    return detection;
  }

  static List<String> prefixed(String prefix, List<String> names) {
    return names.stream().map(n -> prefix + n).toList();
  }
}
