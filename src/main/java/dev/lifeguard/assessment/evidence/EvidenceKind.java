package dev.lifeguard.assessment.evidence;

/** What a detection is evidence of. */
public enum EvidenceKind {
  /** A risk feature tied to a risk type ({@code plan_present} for suicide…). */
  RISK,
  /** A risk factor that aggravates whatever risk it accompanies ({@code timeline_stated}, {@code means_access}). */
  MODIFIER,
  /** One of the 36 protective factors. */
  PROTECTIVE,
  /** A context marker or cue: who is involved ({@code partner}, {@code child}), framing ({@code humor}, {@code fiction}). */
  CONTEXT
}
