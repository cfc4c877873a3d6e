package dev.lifeguard.ocular;

import dev.lifeguard.assessment.TurnState;
import dev.lifeguard.ocular.AxisScores.Framing;
import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.OcularAxis;
import java.util.EnumMap;
import java.util.Map;

/**
 * Levels and the verdict. A user axis stands on the higher of its score's rung and its clinical
 * grade. The verdict is {@code danger} when any axis is {@link Level#HIGH} or above (or a moderate
 * risk is urgent), {@code watch} from {@link Level#MODERATE}, else {@code clear}.
 *
 * <p>Fiction-aware: when the text reads strongly as fiction and not as a genuine disclosure, the
 * user axes need one rung more for each verdict (a dark role-play scene is {@code watch} only at
 * high, {@code danger} only at critical). A first-person disclosure the evidence rules counted
 * inside the role-play, or high authenticity, cancels that. AI-concern axes are never discounted:
 * method details are as usable inside a story as outside it.
 */
public record VerdictPolicy(LevelThresholds user, LevelThresholds ai, double strongFiction, double genuine) {
  /** Fiction at or above this (the heads' probability or a fiction-frame cue) raises the user thresholds. */
  public static final double DEFAULT_STRONG_FICTION = 0.6;
  /** Authenticity at or above this reads as a genuine disclosure, fiction or not. */
  public static final double DEFAULT_GENUINE = 0.6;
  public static final VerdictPolicy DEFAULT = new VerdictPolicy(LevelThresholds.USER, LevelThresholds.AI,
      DEFAULT_STRONG_FICTION, DEFAULT_GENUINE);

  /** Imminence ladder cut points: midway between the scores the assessor gives each grade (0.25, 0.5, 0.75, 0.95). */
  static final double CHRONIC = 0.125;
  static final double SUBACUTE = 0.375;
  static final double URGENT = 0.625;
  static final double EMERGENCY = 0.85;

  public Map<OcularAxis, Level> userLevels(AxisScores s) {
    Map<OcularAxis, Level> levels = new EnumMap<>(OcularAxis.class);
    for (OcularAxis axis : OcularAxis.values()) {
      Level scored = user.level(s.user(axis));
      Level graded = s.graded().getOrDefault(axis, Level.MINIMAL);
      levels.put(axis, scored.atLeast(graded) ? scored : graded);
    }
    return levels;
  }

  public Map<AiConcern, Level> aiLevels(AxisScores s) {
    Map<AiConcern, Level> levels = new EnumMap<>(AiConcern.class);
    for (AiConcern c : AiConcern.values()) {
      levels.put(c, ai.level(s.ai(c)));
    }
    return levels;
  }

  /** True when fiction raises the user-axis thresholds. */
  public boolean fictionFramed(Framing f) {
    return f.fiction() >= strongFiction && f.authenticity() < genuine && !f.disclosure();
  }

  public Verdict verdict(AxisScores s) {
    Level top = max(userLevels(s).values().toArray(new Level[0]));
    Level topAi = max(aiLevels(s).values().toArray(new Level[0]));
    return Verdict.max(userVerdict(top, imminence(s.imminence()), s.framing()), aiVerdict(topAi));
  }

  /** A turn's verdict: a user turn from the state the conversation reached there, an assistant turn from its own concerns. */
  public Verdict turnVerdict(TurnState turn, Framing framing) {
    if ("assistant".equalsIgnoreCase(turn.role())) {
      Level top = Level.MINIMAL;
      for (double v : turn.aiConcerns().values()) {
        top = max(top, ai.level(v));
      }
      return aiVerdict(top);
    }
    return userVerdict(LevelThresholds.of(turn.overallSeverity()), turn.overallImminence(), framing);
  }

  private Verdict userVerdict(Level top, Imminence imminence, Framing framing) {
    Level effective = fictionFramed(framing) && top != Level.MINIMAL ? Level.values()[top.ordinal() - 1] : top;
    if (effective.atLeast(Level.HIGH) || effective.atLeast(Level.MODERATE) && imminence.compareTo(Imminence.URGENT) >= 0) {
      return Verdict.DANGER;
    }
    return effective.atLeast(Level.MODERATE) ? Verdict.WATCH : Verdict.CLEAR;
  }

  private static Verdict aiVerdict(Level top) {
    return top.atLeast(Level.HIGH) ? Verdict.DANGER : top.atLeast(Level.MODERATE) ? Verdict.WATCH : Verdict.CLEAR;
  }

  /** The seed's imminence ladder for a 0–1 imminence score. */
  public static Imminence imminence(double score) {
    if (score >= EMERGENCY) {
      return Imminence.EMERGENCY;
    }
    if (score >= URGENT) {
      return Imminence.URGENT;
    }
    if (score >= SUBACUTE) {
      return Imminence.SUBACUTE;
    }
    return score >= CHRONIC ? Imminence.CHRONIC : Imminence.NOT_APPLICABLE;
  }

  private static Level max(Level... levels) {
    Level top = Level.MINIMAL;
    for (Level l : levels) {
      top = l.compareTo(top) > 0 ? l : top;
    }
    return top;
  }
}
