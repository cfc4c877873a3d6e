package dev.lifeguard.assessment;

import dev.lifeguard.taxonomy.IpvRiskLevel;
import dev.lifeguard.taxonomy.SafeguardingUrgency;
import java.util.List;
import java.util.Optional;

/** Situations with legal or reporting implications. Absent flags mean the situation was not found. */
public record LegalFlags(Optional<IntimatePartnerViolence> intimatePartnerViolence,
    Optional<ThirdPartyThreat> thirdPartyThreat, Optional<SafeguardingConcern> childSafeguarding,
    Optional<SafeguardingConcern> vulnerableAdultSafeguarding, Optional<AnimalCruelty> animalCruelty,
    boolean mandatoryReportingPossible) {

  public static LegalFlags none() {
    return new LegalFlags(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        false);
  }

  /**
   * Intimate partner violence graded on DASH and the Danger Assessment.
   *
   * @param markers the DASH / Danger Assessment features that set the level
   */
  public record IntimatePartnerViolence(IpvRiskLevel riskLevel, double confidence, boolean strangulationHistory,
      boolean escalationPattern, List<String> markers) {
    public IntimatePartnerViolence {
      markers = List.copyOf(markers);
    }
  }

  /** A threat to a third party (Tarasoff-type duty to warn). */
  public record ThirdPartyThreat(boolean present, boolean identifiableVictim, double confidence, String rationale) {}

  /** A child or vulnerable adult who may need safeguarding. */
  public record SafeguardingConcern(SafeguardingUrgency urgency, double confidence, boolean basicNeedsUnmet,
      boolean immediateDanger) {}

  public record AnimalCruelty(boolean present, double confidence) {}
}
