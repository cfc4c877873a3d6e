package dev.lifeguard.taxonomy;

import java.util.Optional;

/** How soon harm might occur. Ascending order; {@link #NOT_APPLICABLE} only when severity is none. */
public enum Imminence implements WireNamed {
  NOT_APPLICABLE("Only when severity = none"),
  CHRONIC("Weeks-months, stable pattern"),
  SUBACUTE("Likely escalation in days-weeks"),
  URGENT("Escalation likely within 24-48h"),
  EMERGENCY("Happening NOW");

  private final String description;

  Imminence(String description) {
    this.description = description;
  }

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }

  public String description() {
    return description;
  }

  public boolean atLeast(Imminence other) {
    return compareTo(other) >= 0;
  }

  public static Imminence max(Imminence a, Imminence b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  public static Optional<Imminence> fromWire(String name) {
    return WireNamed.parse(Imminence.class, name);
  }
}
