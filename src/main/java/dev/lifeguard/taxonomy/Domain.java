package dev.lifeguard.taxonomy;

import java.util.List;
import java.util.Optional;

/** The evaluate API's older four-domain view: who is harmed, relative to the speaker. */
public enum Domain implements WireNamed {
  SELF("User at risk to themselves"),
  OTHERS("User poses risk to others"),
  DEPENDENT_AT_RISK("Child/vulnerable at risk"),
  VICTIMISATION("User is victim");

  private final String description;

  Domain(String description) {
    this.description = description;
  }

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }

  public String description() {
    return description;
  }

  /** This domain's subtypes, in the seed's order; empty for {@link #OTHERS}. */
  public List<DomainSubtype> subtypes() {
    return DomainSubtype.of(this);
  }

  public static Optional<Domain> fromWire(String name) {
    return WireNamed.parse(Domain.class, name);
  }
}
