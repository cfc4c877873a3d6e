package dev.lifeguard.assessment;

import dev.lifeguard.assessment.ladder.Contexts;
import dev.lifeguard.taxonomy.Domain;
import dev.lifeguard.taxonomy.DomainSubtype;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Subject;
import java.util.Optional;
import java.util.Set;

/** Where a subject × type risk sits in the older four-domain view, with its subtype. */
record Placement(Domain domain, Optional<DomainSubtype> subtype) {

  static Placement of(RiskType type, Subject subject, Set<String> contexts, Set<String> features) {
    boolean other = subject != Subject.SELF;
    boolean child = contexts.contains(Contexts.CHILD);
    boolean vulnerable = contexts.contains(Contexts.VULNERABLE_ADULT);
    switch (type) {
      case SUICIDE, SELF_HARM:
        return other && child ? at(DomainSubtype.CHILD) : at(DomainSubtype.SUICIDAL_OR_SELF_INJURY);
      case SELF_NEGLECT:
        if (other && (vulnerable || child)) {
          return at(child ? DomainSubtype.CHILD : DomainSubtype.ADULT_AT_RISK);
        }
        return at(DomainSubtype.SELF_NEGLECT);
      case VIOLENCE:
        return new Placement(Domain.OTHERS, Optional.empty());
      case NEGLECT:
        if (features.contains("animal_cruelty_indicator")) {
          return at(DomainSubtype.ANIMAL_OR_OTHER);
        }
        return at(vulnerable && !child ? DomainSubtype.ADULT_AT_RISK : DomainSubtype.CHILD);
      default:
        if (other && child) {
          return at(DomainSubtype.CHILD);
        }
        if (other && vulnerable) {
          return at(DomainSubtype.ADULT_AT_RISK);
        }
        return at(victimisation(type, contexts));
    }
  }

  private static DomainSubtype victimisation(RiskType type, Set<String> contexts) {
    if (type == RiskType.EXPLOITATION) {
      return DomainSubtype.TRAFFICKING_EXPLOITATION;
    }
    if (contexts.contains(Contexts.PARTNER) || contexts.contains(Contexts.EX_PARTNER)) {
      return DomainSubtype.IPV_INTIMATE_PARTNER;
    }
    if (contexts.contains(Contexts.FAMILY)) {
      return DomainSubtype.FAMILY_NON_INTIMATE;
    }
    if (contexts.contains(Contexts.INSTITUTION)) {
      return DomainSubtype.INSTITUTIONAL_ABUSE;
    }
    if (contexts.contains(Contexts.STRANGER) || contexts.contains(Contexts.ONLINE)) {
      return DomainSubtype.COMMUNITY_VIOLENCE;
    }
    return DomainSubtype.VICTIMISATION_OTHER;
  }

  private static Placement at(DomainSubtype subtype) {
    return new Placement(subtype.domain(), Optional.of(subtype));
  }
}
