package dev.lifeguard.assessment;

import dev.lifeguard.assessment.evidence.Span;
import java.util.List;

/**
 * A feature (or protective factor) with where it was said. Spans are empty when only the model's
 * heads found it.
 */
public record FeatureEvidence(String name, List<Span> spans) {
  public FeatureEvidence {
    spans = List.copyOf(spans);
  }

  public boolean fromModelOnly() {
    return spans.isEmpty();
  }
}
