package dev.lifeguard.assessment;

import dev.lifeguard.assessment.evidence.Evidence;
import dev.lifeguard.assessment.evidence.EvidenceKind;
import dev.lifeguard.assessment.evidence.Findings;
import dev.lifeguard.taxonomy.ProtectiveStrength;
import dev.lifeguard.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Protective factors (START, C-SSRS) from the patterns and the heads, and their strength: factors
 * that directly stand between a person and harm (reasons for living, means removed, a safety plan,
 * active treatment, legal protection) weigh double.
 */
final class ProtectionReader {
  static final Set<String> STRONG = Set.of("reasons_for_living", "means_safety", "safety_planning",
      "treatment_engagement", "therapeutic_alliance", "legal_protection_in_place");
  /** Context, not strength: they say the talk is about a game or a story. */
  static final Set<String> CONTEXT_ONLY = Set.of("gaming_context", "novel_writing_context");

  private ProtectionReader() {}

  static Protection read(Findings f, HeadReading heads) {
    Map<String, List<Evidence>> byName = new LinkedHashMap<>();
    for (Evidence e : f.asserted(EvidenceKind.PROTECTIVE)) {
      byName.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(e);
    }
    List<FeatureEvidence> factors = new ArrayList<>();
    byName.forEach((name, list) -> factors.add(new FeatureEvidence(name, list.stream().map(Evidence::span)
        .distinct().toList())));
    for (String name : heads.protective()) {
      if (!byName.containsKey(name) && Taxonomy.protectiveFactors().contains(name)) {
        factors.add(new FeatureEvidence(name, List.of()));
      }
    }
    return new Protection(factors, strength(factors));
  }

  static ProtectiveStrength strength(List<FeatureEvidence> factors) {
    int weight = 0;
    for (FeatureEvidence factor : factors) {
      if (!CONTEXT_ONLY.contains(factor.name())) {
        weight += STRONG.contains(factor.name()) ? 2 : 1;
      }
    }
    if (weight == 0) {
      return ProtectiveStrength.NONE;
    }
    return weight == 1 ? ProtectiveStrength.WEAK : weight <= 3 ? ProtectiveStrength.MODERATE
        : ProtectiveStrength.STRONG;
  }
}
