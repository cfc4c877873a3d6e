package dev.lifeguard.taxonomy;

import java.util.Optional;

/** WHAT the harm is (seed "User Risk Taxonomy"): nine harm-based categories, orthogonal to subject. */
public enum RiskType implements WireNamed {
  SUICIDE("Self-directed lethal intent - thoughts, plans, or attempts to end one's life"),
  SELF_HARM("Non-suicidal self-injury (NSSI) - intentional self-harm without intent to die"),
  SELF_NEGLECT("Self-care failure and psychiatric emergency - eating disorders, psychosis, substance crisis,"
      + " severe functional impairment, medical care refusal"),
  VIOLENCE("Risk of harm to others - threats, plans, or acts of violence"),
  ABUSE("Physical, emotional, sexual, or financial abuse patterns"),
  SEXUAL_VIOLENCE("Rape, sexual assault, or sexual coercion"),
  NEGLECT("Failure to care for dependents - children, elderly, vulnerable adults"),
  EXPLOITATION("Trafficking, labor exploitation, sextortion, grooming"),
  STALKING("Persistent unwanted contact, following, surveillance");

  private final String description;

  RiskType(String description) {
    this.description = description;
  }

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }

  public String description() {
    return description;
  }

  /** True for the three types where the person at risk is the one who would act (self-directed harm). */
  public boolean selfDirected() {
    return this == SUICIDE || this == SELF_HARM || this == SELF_NEGLECT;
  }

  public static Optional<RiskType> fromWire(String name) {
    return WireNamed.parse(RiskType.class, name);
  }
}
