package dev.lifeguard.quality;

import dev.lifeguard.taxonomy.Severity;
import java.util.Set;

/**
 * What the assessor said about one text, reduced to what the evaluation sets label, whether the
 * screening policy would withhold the model's reply ({@code /v1/safe} answers with its own instead),
 * and the language it detected (ISO 639-1, "und" when it cannot tell).
 */
public record Prediction(boolean risk, Set<String> types, String subject, String severity, boolean replaced,
    String language) {
  /** Flagged at moderate or above: where resources are shown and a proxy starts changing replies. */
  boolean moderateOrAbove() {
    return risk && Severity.fromWire(severity).filter(s -> s.atLeast(Severity.MODERATE)).isPresent();
  }
}
