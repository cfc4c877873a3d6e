package dev.lifeguard.assessment;

import dev.lifeguard.inference.ProbeLabels;
import dev.lifeguard.inference.ProbeScores;
import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Style;
import dev.lifeguard.taxonomy.Subject;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The probe heads' view of a conversation: per label, the strongest probability over user turns, each
 * turn weighted down by how many user turns came after it (the latest turn, scored in context, counts
 * fully). Turns before a clarification ("jk i meant the exam") do not count. Assistant turns feed the
 * AI-concern heads only.
 */
final class HeadReading {
  /** A head's probability at or above this means "yes". */
  static final double THRESHOLD = 0.5;
  /** Weight lost per later user turn: three turns later a score counts about 60%. */
  static final double RECENCY_DECAY = 0.85;
  /** With risk present but no type head over threshold, the best type still counts if at least this (or risk is likely). */
  static final double TYPE_FALLBACK = 0.25;

  private final Map<String, Double> user = new HashMap<>();
  private final Map<String, Double> assistant = new HashMap<>();
  private Map<String, Float> thresholds = Map.of();
  private final boolean present;

  private HeadReading(boolean present) {
    this.present = present;
  }

  /**
   * Reads scores for messages [0, upTo]. {@code firstCounted} is the first message whose scores count
   * (the clarifying turn, when one retracted earlier alarm).
   */
  static HeadReading of(List<ChatMessage> messages, List<ProbeScores> scores, int upTo, int firstCounted) {
    boolean any = false;
    Map<String, Float> thresholds = Map.of();
    int laterUserTurns = 0;
    Map<String, Double> userMax = new HashMap<>();
    Map<String, Double> assistantMax = new HashMap<>();
    for (int i = Math.min(upTo, messages.size() - 1); i >= 0; i--) {
      ProbeScores s = i < scores.size() && scores.get(i) != null ? scores.get(i) : ProbeScores.EMPTY;
      String role = messages.get(i).role() == null ? "" : messages.get(i).role();
      double weight = Math.pow(RECENCY_DECAY, laterUserTurns);
      if (role.equalsIgnoreCase("user")) {
        if (i >= firstCounted && !s.values().isEmpty()) {
          any = true;
          thresholds = s.thresholds();
          merge(userMax, s, weight);
        }
        laterUserTurns++;
      } else if (role.equalsIgnoreCase("assistant")) {
        merge(assistantMax, s, Math.pow(RECENCY_DECAY, Math.max(0, laterUserTurns - 1)));
      }
    }
    HeadReading reading = new HeadReading(any);
    reading.thresholds = thresholds;
    reading.user.putAll(userMax);
    reading.assistant.putAll(assistantMax);
    return reading;
  }

  private static void merge(Map<String, Double> into, ProbeScores s, double weight) {
    s.values().forEach((label, p) -> into.merge(label, p * weight, Math::max));
  }

  /** True when any user turn had head scores at all (false: patterns alone decide). */
  boolean present() {
    return present;
  }

  /** The trained decision threshold for presence labels (risk, types); levels read at {@link #THRESHOLD}. */
  double decision(String label) {
    return thresholds.isEmpty() ? THRESHOLD : thresholds.getOrDefault(label, (float) THRESHOLD);
  }

  double p(String label) {
    return user.getOrDefault(label, 0.0);
  }

  boolean riskPresent() {
    return p(ProbeLabels.RISK) >= decision(ProbeLabels.RISK);
  }

  double type(RiskType type) {
    return p(ProbeLabels.TYPE_PREFIX + type.wireName());
  }

  /** Risk types the heads report, given risk is present: over threshold, else the best one if plausible. */
  Set<RiskType> types() {
    Set<RiskType> types = new TreeSet<>();
    if (!riskPresent()) {
      return types;
    }
    RiskType best = null;
    for (RiskType t : RiskType.values()) {
      if (type(t) >= decision(ProbeLabels.TYPE_PREFIX + t.wireName())) {
        types.add(t);
      }
      if (best == null || type(t) > type(best)) {
        best = t;
      }
    }
    // A risk the head finds more likely than not keeps its likeliest type even when no type head is sure
    // (they split the same signal nine ways); dropping it would turn a confident alarm into silence.
    if (types.isEmpty() && (type(best) >= TYPE_FALLBACK || p(ProbeLabels.RISK) >= THRESHOLD)) {
      types.add(best);
    }
    return types;
  }

  double subject(Subject subject) {
    return p(ProbeLabels.SUBJECT_PREFIX + subject.wireName());
  }

  /** The most likely subject; unknown when the heads do not say. */
  Subject subject() {
    Subject best = Subject.UNKNOWN;
    double top = 0;
    for (Subject s : Subject.values()) {
      if (subject(s) > top) {
        top = subject(s);
        best = s;
      }
    }
    return best;
  }

  /**
   * Ordinal severity of a present risk: mild, raised to the highest level whose "≥ level" head and all
   * below it pass the threshold. The heads are learnt among risk items, so they grade a risk and do
   * not decide whether there is one; none when the risk head does not flag.
   */
  Severity severity() {
    if (!riskPresent()) {
      return Severity.NONE;
    }
    Severity level = Severity.MILD;
    for (Severity s : List.of(Severity.MODERATE, Severity.HIGH, Severity.CRITICAL)) {
      if (p(ProbeLabels.SEVERITY_PREFIX + s.wireName()) < THRESHOLD) {
        break;
      }
      level = s;
    }
    return level;
  }

  Imminence imminence() {
    Imminence level = Imminence.CHRONIC;
    for (Imminence i : List.of(Imminence.SUBACUTE, Imminence.URGENT, Imminence.EMERGENCY)) {
      if (p(ProbeLabels.IMMINENCE_PREFIX + i.wireName()) < THRESHOLD) {
        break;
      }
      level = i;
    }
    return level;
  }

  /** Continuous imminence in [0, 1] for axis views. */
  double imminenceScore() {
    return Math.max(p(ProbeLabels.IMMINENCE_PREFIX + "subacute") * 0.5,
        Math.max(p(ProbeLabels.IMMINENCE_PREFIX + "urgent") * 0.75, p(ProbeLabels.IMMINENCE_PREFIX + "emergency")));
  }

  double style(Style style) {
    return p(ProbeLabels.STYLE_PREFIX + style.wireName());
  }

  double fiction() {
    return p(ProbeLabels.FICTION);
  }

  double authentic() {
    return p(ProbeLabels.AUTHENTIC);
  }

  /** Protective factors the heads report over threshold. */
  Set<String> protective() {
    Set<String> names = new TreeSet<>();
    user.forEach((label, p) -> {
      if (label.startsWith(ProbeLabels.PROTECTIVE_PREFIX) && p >= THRESHOLD) {
        names.add(label.substring(ProbeLabels.PROTECTIVE_PREFIX.length()));
      }
    });
    return names;
  }

  Map<AiConcern, Double> aiConcerns() {
    Map<AiConcern, Double> map = new EnumMap<>(AiConcern.class);
    for (AiConcern c : AiConcern.values()) {
      map.put(c, assistant.getOrDefault(ProbeLabels.AI_PREFIX + c.wireName(), 0.0));
    }
    return map;
  }
}
