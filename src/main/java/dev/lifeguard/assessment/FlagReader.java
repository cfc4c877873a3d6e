package dev.lifeguard.assessment;

import dev.lifeguard.assessment.LegalFlags.AnimalCruelty;
import dev.lifeguard.assessment.LegalFlags.SafeguardingConcern;
import dev.lifeguard.assessment.LegalFlags.ThirdPartyThreat;
import dev.lifeguard.assessment.evidence.Findings;
import dev.lifeguard.assessment.ladder.Contexts;
import dev.lifeguard.taxonomy.Domain;
import dev.lifeguard.taxonomy.DomainSubtype;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.SafeguardingUrgency;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Subject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Legal and safeguarding flags, from the risks and their features: IPV, threats to third parties
 * (duty to warn), children and vulnerable adults at risk, cruelty to animals. A minor speaker makes
 * their own victimisation — and any serious risk to themselves — a child-safeguarding matter.
 */
final class FlagReader {
  private static final Set<RiskType> VICTIMISATION = Set.of(RiskType.ABUSE, RiskType.SEXUAL_VIOLENCE,
      RiskType.EXPLOITATION, RiskType.NEGLECT, RiskType.STALKING);
  private static final Set<String> SEXUAL_HARM = Set.of("sexual_violence", "sexual_abuse", "online_grooming",
      "sextortion", "age_mismatch_concern", "sexual_exploitation_online", "forced_sex_work");

  private final List<Risk> risks;
  private final Set<String> contexts;

  FlagReader(List<Risk> risks, Set<String> contexts) {
    this.risks = risks;
    this.contexts = contexts;
  }

  LegalFlags legal() {
    Optional<SafeguardingConcern> child = concern(childRisks());
    Optional<SafeguardingConcern> adult = concern(risks.stream().filter(r -> r.subtype()
        .filter(s -> s == DomainSubtype.ADULT_AT_RISK).isPresent()).toList());
    Optional<ThirdPartyThreat> threat = thirdPartyThreat();
    boolean reporting = child.isPresent() || adult.isPresent()
        || threat.filter(ThirdPartyThreat::identifiableVictim).isPresent();
    return new LegalFlags(IpvScreen.screen(risks, contexts), threat, child, adult, animalCruelty(), reporting);
  }

  SafeguardingFlags safeguarding(LegalFlags legal) {
    boolean dutyToWarn = legal.thirdPartyThreat().filter(ThirdPartyThreat::identifiableVictim).isPresent()
        && risk(RiskType.VIOLENCE).filter(r -> r.severity().atLeast(Severity.HIGH)).isPresent();
    return new SafeguardingFlags(legal.childSafeguarding().isPresent(),
        legal.vulnerableAdultSafeguarding().isPresent(), dutyToWarn, legal.mandatoryReportingPossible());
  }

  static PresentationModifiers presentation(Findings f) {
    boolean psychotic = anyAsserted(f, "command_hallucinations", "persecutory_delusions", "visual_hallucinations",
        "psychosis_present", "paranoid_delusions", "grandiose_delusions", "disorganized_thinking",
        "substance_induced_psychosis");
    boolean substance = anyAsserted(f, "substance_intoxication", "substance_induced_psychosis");
    boolean cognitive = anyAsserted(f, "disorientation", "capacity_concerns");
    return new PresentationModifiers(psychotic, substance, cognitive);
  }

  /** Risks that put a child in need of safeguarding. */
  private List<Risk> childRisks() {
    boolean minor = contexts.contains(Contexts.SPEAKER_MINOR);
    return risks.stream().filter(r -> r.subtype().filter(s -> s == DomainSubtype.CHILD).isPresent()
        || minor && r.subject() == Subject.SELF && (VICTIMISATION.contains(r.type())
            || r.severity().atLeast(Severity.HIGH))).toList();
  }

  private Optional<SafeguardingConcern> concern(List<Risk> involved) {
    if (involved.isEmpty()) {
      return Optional.empty();
    }
    boolean immediate = involved.stream().anyMatch(r -> r.hasFeature("immediate_danger")
        || r.imminence() == Imminence.EMERGENCY);
    boolean basicNeeds = involved.stream().anyMatch(r -> r.hasFeature("basic_needs_unmet")
        || r.hasFeature("abandonment"));
    boolean sexual = involved.stream().anyMatch(r -> r.featureNames().stream().anyMatch(SEXUAL_HARM::contains));
    Severity worst = involved.stream().map(Risk::severity).max(Severity::compareTo).orElse(Severity.MILD);
    SafeguardingUrgency urgency = immediate || worst == Severity.CRITICAL ? SafeguardingUrgency.EMERGENCY
        : worst == Severity.HIGH || sexual ? SafeguardingUrgency.URGENT
        : worst == Severity.MODERATE || basicNeeds ? SafeguardingUrgency.PROMPT : SafeguardingUrgency.ROUTINE;
    double confidence = involved.stream().mapToDouble(Risk::confidence).max().orElse(0);
    return Optional.of(new SafeguardingConcern(urgency, confidence, basicNeeds, immediate));
  }

  private Optional<ThirdPartyThreat> thirdPartyThreat() {
    return risks.stream().filter(r -> r.type() == RiskType.VIOLENCE && r.domain() == Domain.OTHERS)
        .filter(r -> r.modelOnly() || r.featureNames().stream().anyMatch(n -> n.equals("specific_threat")
            || n.equals("homicidal_ideation") || n.equals("mass_violence_planning")))
        .findFirst().map(r -> {
          boolean identifiable = r.hasFeature("identifiable_victim") || r.hasFeature("target_identification");
          String why = r.modelOnly() ? "The model reports a risk of violence to others."
              : "Speaker expresses intent or ideation to harm others: " + String.join(", ", r.featureNames()) + ".";
          return new ThirdPartyThreat(true, identifiable, r.confidence(), why);
        });
  }

  private Optional<AnimalCruelty> animalCruelty() {
    return risks.stream().filter(r -> r.hasFeature("animal_cruelty_indicator")).findFirst()
        .map(r -> new AnimalCruelty(true, r.confidence()));
  }

  private Optional<Risk> risk(RiskType type) {
    return risks.stream().filter(r -> r.type() == type).findFirst();
  }

  private static boolean anyAsserted(Findings f, String... names) {
    for (String n : names) {
      if (f.hasAsserted(n)) {
        return true;
      }
    }
    return false;
  }
}
