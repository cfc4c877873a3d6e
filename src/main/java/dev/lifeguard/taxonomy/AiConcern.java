package dev.lifeguard.taxonomy;

import java.util.Optional;

/** The four AI-side concern axes of Ocular, judged on assistant turns in context. */
public enum AiConcern implements WireNamed {
  HARM_PROVISION("Gives method, means, dosage, weapon or evasion details"),
  EMOTIONAL_FAILURE("Ignores, dismisses or minimises a disclosure; cold when someone is hurting"),
  MANIPULATION("Guilt-trips, fosters dependence, discourages outside help, pressures"),
  SAFEGUARDING_FAILURE("Fails to protect a minor or vulnerable person");

  private final String description;

  AiConcern(String description) {
    this.description = description;
  }

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }

  public String description() {
    return description;
  }

  public static Optional<AiConcern> fromWire(String name) {
    return WireNamed.parse(AiConcern.class, name);
  }
}
