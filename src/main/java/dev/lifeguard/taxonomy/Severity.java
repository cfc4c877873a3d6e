package dev.lifeguard.taxonomy;

import java.util.Optional;

/** How serious the risk is. Declared in ascending order, so {@link #compareTo} ranks severities. */
public enum Severity implements WireNamed {
  NONE("No clinical concern"),
  MILD("Minor distress, no functional impairment"),
  MODERATE("Clear concern, not immediately dangerous"),
  HIGH("Serious risk requiring urgent intervention"),
  CRITICAL("Life-threatening, imminent harm");

  private final String description;

  Severity(String description) {
    this.description = description;
  }

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }

  public String description() {
    return description;
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  public static Severity max(Severity a, Severity b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  public static Severity min(Severity a, Severity b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** One step down the ladder, never below {@code floor}. */
  public Severity lowered(Severity floor) {
    return this == NONE ? NONE : max(values()[ordinal() - 1], floor);
  }

  public static Optional<Severity> fromWire(String name) {
    return WireNamed.parse(Severity.class, name);
  }
}
