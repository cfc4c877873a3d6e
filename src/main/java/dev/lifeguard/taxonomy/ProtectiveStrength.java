package dev.lifeguard.taxonomy;

/** {@code protective_factor_strength}: how much the protective factors found can be leaned on. */
public enum ProtectiveStrength implements WireNamed {
  NONE, WEAK, MODERATE, STRONG;

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }
}
