package dev.lifeguard.inference;

import java.util.Map;

/**
 * The probe heads' outputs for one message: label → probability in [0, 1]. Label names are the
 * contract between training, inference and assessment (see {@link ProbeLabels}).
 */
public record ProbeScores(Map<String, Float> values, Map<String, Float> thresholds) {

  /** When no trained threshold is known for a label. */
  public static final float DEFAULT_THRESHOLD = 0.5f;
  public static final ProbeScores EMPTY = new ProbeScores(Map.of());

  public ProbeScores {
    values = Map.copyOf(values);
    thresholds = Map.copyOf(thresholds);
  }

  public ProbeScores(Map<String, Float> values) {
    this(values, Map.of());
  }

  /** The decision threshold training chose for a label (recall-first for risk and types). */
  public float threshold(String label) {
    return thresholds.getOrDefault(label, DEFAULT_THRESHOLD);
  }

  /** The probability of a label, 0 when the heads do not produce it. */
  public float get(String label) {
    Float v = values.get(label);
    return v == null ? 0f : v;
  }
}
