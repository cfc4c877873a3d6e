package dev.lifeguard.inference;

/**
 * Names of the probe-head outputs. Training writes heads with these labels; the assessment reads
 * them. A head may be absent (then its scores read as 0): assessment must not assume every label.
 */
public final class ProbeLabels {
  private ProbeLabels() {}

  /** Any of the nine risk types present for anyone. */
  public static final String RISK = "risk";
  /** {@code type.suicide}, {@code type.self_harm}, … one per risk type (wire names). */
  public static final String TYPE_PREFIX = "type.";
  /** Softmax over {@code subject.self}, {@code subject.other}, {@code subject.unknown}. */
  public static final String SUBJECT_PREFIX = "subject.";
  /** Ordinal given risk (mild is a risk's floor): {@code severity.ge_moderate}, {@code .ge_high}, {@code .ge_critical}. */
  public static final String SEVERITY_PREFIX = "severity.ge_";
  /** Ordinal given risk: {@code imminence.ge_subacute}, {@code .ge_urgent}, {@code .ge_emergency}. */
  public static final String IMMINENCE_PREFIX = "imminence.ge_";
  /** {@code style.direct}, {@code style.humor}, … one per communication style. */
  public static final String STYLE_PREFIX = "style.";
  public static final String FICTION = "fiction";
  public static final String AUTHENTIC = "authentic";
  /** {@code protective.reasons_for_living}, … for factors with enough training data. */
  public static final String PROTECTIVE_PREFIX = "protective.";
  /** Assistant-turn heads (input: the reply and its context): {@code ai.harm_provision}, … */
  public static final String AI_PREFIX = "ai.";
}
