package dev.lifeguard.quality;

import java.util.List;
import java.util.Set;

/** What the assessor said about one text, reduced to what the evaluation sets label. */
public record Prediction(boolean risk, Set<String> types, String subject, String severity) {
  static final List<String> SEVERITIES = List.of("none", "mild", "moderate", "high", "critical");

  /** Flagged at moderate or above: where resources are shown and a proxy starts changing replies. */
  boolean moderateOrAbove() {
    return risk && SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf("moderate");
  }
}
