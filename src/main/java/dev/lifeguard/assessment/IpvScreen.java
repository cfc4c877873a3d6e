package dev.lifeguard.assessment;

import dev.lifeguard.assessment.LegalFlags.IntimatePartnerViolence;
import dev.lifeguard.assessment.ladder.Contexts;
import dev.lifeguard.taxonomy.IpvRiskLevel;
import dev.lifeguard.taxonomy.RiskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Intimate partner violence, graded on DASH and the Danger Assessment. Strangulation, threats to kill
 * and weapons are lethality markers (strangulation alone multiplies homicide risk); escalation,
 * recent separation, pregnancy, stalking and fear aggravate. Extreme: strangulation with any other
 * marker, or three lethality markers, or danger right now.
 */
final class IpvScreen {
  static final List<String> LETHAL = List.of("strangulation_history", "threats_to_kill", "weapon_threat",
      "weapon_access");
  static final List<String> AGGRAVATING = List.of("escalation_pattern", "separation_recent", "pregnancy",
      "threats_to_children", "extreme_jealousy", "stalking", "monitoring_surveillance", "perpetrator_access",
      "victim_fear_level", "sexual_violence", "pattern_of_isolation");
  private static final Set<RiskType> IPV_TYPES = Set.of(RiskType.ABUSE, RiskType.SEXUAL_VIOLENCE,
      RiskType.STALKING);

  private IpvScreen() {}

  static Optional<IntimatePartnerViolence> screen(List<Risk> risks, Set<String> contexts) {
    List<Risk> ipv = risks.stream().filter(r -> IPV_TYPES.contains(r.type()) && !r.modelOnly()).toList();
    boolean partner = contexts.contains(Contexts.PARTNER) || contexts.contains(Contexts.EX_PARTNER);
    if (ipv.isEmpty() || !partner) {
      return Optional.empty();
    }
    List<String> features = ipv.stream().flatMap(r -> r.featureNames().stream()).distinct().toList();
    List<String> lethal = features.stream().filter(LETHAL::contains).toList();
    List<String> aggravating = features.stream().filter(AGGRAVATING::contains).toList();
    IpvRiskLevel level = level(features, lethal, aggravating);
    List<String> markers = new ArrayList<>(lethal);
    markers.addAll(aggravating);
    double confidence = ipv.stream().mapToDouble(Risk::confidence).max().orElse(0);
    return Optional.of(new IntimatePartnerViolence(level, confidence, features.contains("strangulation_history"),
        features.contains("escalation_pattern"), markers));
  }

  private static IpvRiskLevel level(List<String> features, List<String> lethal, List<String> aggravating) {
    boolean strangulation = lethal.contains("strangulation_history");
    if (features.contains("immediate_danger") || strangulation && (lethal.size() >= 2 || !aggravating.isEmpty())
        || lethal.size() >= 3) {
      return IpvRiskLevel.EXTREME;
    }
    boolean physical = features.contains("physical_violence");
    if (!lethal.isEmpty() || physical && !aggravating.isEmpty()) {
      return IpvRiskLevel.SEVERE;
    }
    if (physical || features.contains("sexual_violence") || aggravating.size() >= 2) {
      return IpvRiskLevel.ELEVATED;
    }
    return IpvRiskLevel.STANDARD;
  }
}
