package dev.lifeguard.training;

import static dev.lifeguard.inference.ProbeLabels.IMMINENCE_PREFIX;
import static dev.lifeguard.inference.ProbeLabels.RISK;
import static dev.lifeguard.inference.ProbeLabels.SEVERITY_PREFIX;
import static dev.lifeguard.inference.ProbeLabels.STYLE_PREFIX;
import static dev.lifeguard.inference.ProbeLabels.SUBJECT_PREFIX;

import dev.lifeguard.training.corpus.Labels;
import dev.lifeguard.training.corpus.Vocabulary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes held-out scores of the message head into levels and classes for {@link HeldOutSummary}.
 * Levels use {@link #LEVEL_CUT}, not the flagging thresholds: those are tuned for recall per level
 * and would overstate every level; at 0.5 a calibrated "≥ level" head says "more likely than not".
 */
final class HeldOutScoring {
  static final double LEVEL_CUT = 0.5;

  private HeldOutScoring() {}

  static HeldOutSummary summarise(HeadData<Labels> data, TrainedHead head) {
    List<String> labels = head.head().labels();
    Tally severity = new Tally();
    Tally imminence = new Tally();
    Tally subject = new Tally();
    Tally style = new Tally();
    for (int i = 0; i < data.x().length; i++) {
      if (!data.heldOut()[i]) {
        continue;
      }
      Labels truth = data.truths().get(i);
      Map<String, Double> s = scores(labels, head.head().score(data.x()[i]));
      // severity heads are conditional on risk: no risk is level 0, a risk is at least mild (level 1)
      boolean risky = s.getOrDefault(RISK, 0.0) >= LEVEL_CUT;
      severity.ordinal(truth.severity(), risky ? level(s, SEVERITY_PREFIX, Vocabulary.SEVERITIES, 2) + 1 : 0);
      if (truth.risk()) {
        // imminence heads start at subacute; a risk item is at least chronic (level 1)
        imminence.ordinal(truth.imminence(), level(s, IMMINENCE_PREFIX, Vocabulary.IMMINENCES, 2) + 1);
        subject.exact(truth.subject(), argmax(s, SUBJECT_PREFIX, Vocabulary.SUBJECTS));
      }
      if (truth.style() != null) {
        style.exact(truth.style(), argmax(s, STYLE_PREFIX, Vocabulary.STYLES));
      }
    }
    return new HeldOutSummary(severity.n, severity.exact(), severity.withinOne(), imminence.n, imminence.exact(),
        imminence.withinOne(), subject.n, subject.exact(), style.n, style.exact());
  }

  private static Map<String, Double> scores(List<String> labels, double[] p) {
    Map<String, Double> out = new HashMap<>();
    for (int k = 0; k < labels.size(); k++) {
      out.put(labels.get(k), p[k]);
    }
    return out;
  }

  /** How many "≥ level" heads from {@code first} up reach {@link #LEVEL_CUT}. */
  static int level(Map<String, Double> s, String prefix, List<String> ladder, int first) {
    int passed = 0;
    for (int level = first; level < ladder.size(); level++) {
      String label = prefix + ladder.get(level);
      Double p = s.get(label);
      if (p != null && p >= LEVEL_CUT) {
        passed++;
      }
    }
    return passed;
  }

  private static String argmax(Map<String, Double> s, String prefix, List<String> names) {
    String best = null;
    double bestP = -1;
    for (String n : names) {
      Double p = s.get(prefix + n);
      if (p != null && p > bestP) {
        bestP = p;
        best = n;
      }
    }
    return best;
  }

  private static final class Tally {
    int n;
    int exact;
    int withinOne;

    void ordinal(int truth, int predicted) {
      n++;
      exact += truth == predicted ? 1 : 0;
      withinOne += Math.abs(truth - predicted) <= 1 ? 1 : 0;
    }

    void exact(String truth, String predicted) {
      n++;
      exact += truth.equals(predicted) ? 1 : 0;
    }

    double exact() {
      return n == 0 ? Double.NaN : exact / (double) n;
    }

    double withinOne() {
      return n == 0 ? Double.NaN : withinOne / (double) n;
    }
  }
}
