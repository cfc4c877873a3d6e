package dev.lifeguard.ocular;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.Risk;
import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.OcularAxis;
import dev.lifeguard.taxonomy.Subject;
import java.util.EnumMap;
import java.util.Map;

/**
 * One reading of a conversation on Ocular's twelve axes: 0–1 scores, the clinical ladders' grade per
 * user axis (a floor for its level), imminence, and how the text is framed. Both wire shapes
 * ({@code risks}/{@code ai_concerns} and {@code signals.user}/{@code signals.ai}) are rendered from it.
 */
public record AxisScores(Map<OcularAxis, Double> user, Map<OcularAxis, Level> graded, Map<AiConcern, Double> ai,
    double imminence, Framing framing, Subject subject) {

  public AxisScores {
    user = Map.copyOf(user);
    graded = Map.copyOf(graded);
    ai = Map.copyOf(ai);
  }

  /** The Assessment's continuous signals, axis by axis. */
  public static AxisScores of(Assessment a) {
    return of(a, Map.of());
  }

  /** The same, with AI concerns raised to floors that phrase evidence about the assistant's turns set. */
  public static AxisScores of(Assessment a, Map<AiConcern, Double> aiFloors) {
    Map<OcularAxis, Double> user = new EnumMap<>(OcularAxis.class);
    Map<OcularAxis, Level> graded = new EnumMap<>(OcularAxis.class);
    for (OcularAxis axis : OcularAxis.values()) {
      user.put(axis, clamp(a.signals().risk(axis.riskType())));
      // The ladder's grade is a floor: an axis never reads lower than /v1/evaluate's severity for its type.
      graded.put(axis, a.risk(axis.riskType())
          .map(r -> LevelThresholds.of(r.severity())).orElse(Level.MINIMAL));
    }
    Map<AiConcern, Double> ai = new EnumMap<>(AiConcern.class);
    for (AiConcern c : AiConcern.values()) {
      ai.put(c, clamp(Math.max(a.signals().aiConcern(c), aiFloors.getOrDefault(c, 0.0))));
    }
    return new AxisScores(user, graded, ai, clamp(a.signals().imminence()), Framing.of(a),
        a.primaryRisk().map(Risk::subject).orElse(Subject.UNKNOWN));
  }

  public double user(OcularAxis axis) {
    return user.getOrDefault(axis, 0.0);
  }

  public double ai(AiConcern concern) {
    return ai.getOrDefault(concern, 0.0);
  }

  /** The strongest score on any axis: how much of this conversation asks for attention ({@code salience}). */
  public double salience() {
    double top = 0;
    for (double v : user.values()) {
      top = Math.max(top, v);
    }
    for (double v : ai.values()) {
      top = Math.max(top, v);
    }
    return top;
  }

  /** The strongest user-risk score. */
  public double topUser() {
    return user.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  static double clamp(double v) {
    return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
  }

  /**
   * How the conversation is written. {@code disclosure}: the evidence rules found a first-person risk
   * of at least moderate severity outside any fictional, hypothetical or reported frame (an "out of
   * character, I really…" inside a role-play counts), so fiction does not excuse it.
   */
  public record Framing(double fiction, double authenticity, boolean disclosure) {
    public static final Framing PLAIN = new Framing(0, 0.5, false);

    static Framing of(Assessment a) {
      boolean disclosure = a.risks().stream().anyMatch(r -> r.subject() == Subject.SELF && !r.modelOnly()
          && r.severity().atLeast(dev.lifeguard.taxonomy.Severity.MODERATE));
      return new Framing(clamp(a.communication().fiction()), clamp(a.communication().authenticity()), disclosure);
    }
  }
}
