package dev.lifeguard.inference;

import java.util.Map;

/**
 * The probe heads' outputs for one message: label → probability in [0, 1]. Label names are the
 * contract between training, inference and assessment (see {@link ProbeLabels}).
 */
public record ProbeScores(Map<String, Float> values) {

  public static final ProbeScores EMPTY = new ProbeScores(Map.of());

  public ProbeScores {
    values = Map.copyOf(values);
  }

  /** The probability of a label, 0 when the heads do not produce it. */
  public float get(String label) {
    Float v = values.get(label);
    return v == null ? 0f : v;
  }
}
