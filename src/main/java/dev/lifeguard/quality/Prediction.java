package dev.lifeguard.quality;

import dev.lifeguard.taxonomy.Severity;
import java.util.Set;

/** What the assessor said about one text, reduced to what the evaluation sets label. */
public record Prediction(boolean risk, Set<String> types, String subject, String severity) {
  /** Flagged at moderate or above: where resources are shown and a proxy starts changing replies. */
  boolean moderateOrAbove() {
    return risk && Severity.fromWire(severity).filter(s -> s.atLeast(Severity.MODERATE)).isPresent();
  }
}
