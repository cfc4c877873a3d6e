package dev.lifeguard.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Subtypes of the evaluate domains ({@code self_subtype}, {@code dependent_subtype},
 * {@code victimisation_subtype}). Wire names repeat across domains ("other"), so parse with the domain.
 */
public enum DomainSubtype implements WireNamed {
  SUICIDAL_OR_SELF_INJURY(Domain.SELF, "suicidal_or_self_injury"),
  SELF_NEGLECT(Domain.SELF, "self_neglect"),
  SELF_OTHER(Domain.SELF, "other"),
  CHILD(Domain.DEPENDENT_AT_RISK, "child"),
  ADULT_AT_RISK(Domain.DEPENDENT_AT_RISK, "adult_at_risk"),
  ANIMAL_OR_OTHER(Domain.DEPENDENT_AT_RISK, "animal_or_other"),
  IPV_INTIMATE_PARTNER(Domain.VICTIMISATION, "IPV_intimate_partner"),
  FAMILY_NON_INTIMATE(Domain.VICTIMISATION, "family_non_intimate"),
  TRAFFICKING_EXPLOITATION(Domain.VICTIMISATION, "trafficking_exploitation"),
  COMMUNITY_VIOLENCE(Domain.VICTIMISATION, "community_violence"),
  INSTITUTIONAL_ABUSE(Domain.VICTIMISATION, "institutional_abuse"),
  VICTIMISATION_OTHER(Domain.VICTIMISATION, "other");

  private final Domain domain;
  private final String wireName;

  DomainSubtype(Domain domain, String wireName) {
    this.domain = domain;
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public Domain domain() {
    return domain;
  }

  static List<DomainSubtype> of(Domain domain) {
    List<DomainSubtype> list = new ArrayList<>();
    for (DomainSubtype s : values()) {
      if (s.domain == domain) {
        list.add(s);
      }
    }
    return List.copyOf(list);
  }

  public static Optional<DomainSubtype> fromWire(Domain domain, String name) {
    return of(domain).stream().filter(s -> s.wireName.equals(name)).findFirst();
  }
}
