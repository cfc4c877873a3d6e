package dev.lifeguard.assessment;

import dev.lifeguard.taxonomy.ProtectiveStrength;
import java.util.List;

/** Protective factors found (START / C-SSRS names) and how much they can be leaned on. */
public record Protection(List<FeatureEvidence> factors, ProtectiveStrength strength) {
  public Protection {
    factors = List.copyOf(factors);
  }

  public List<String> names() {
    return factors.stream().map(FeatureEvidence::name).toList();
  }

  public static Protection none() {
    return new Protection(List.of(), ProtectiveStrength.NONE);
  }
}
