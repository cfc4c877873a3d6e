package dev.lifeguard.taxonomy;

/** {@code legal_flags.intimate_partner_violence.risk_level}, graded on DASH / Danger Assessment markers. */
public enum IpvRiskLevel implements WireNamed {
  STANDARD, ELEVATED, SEVERE, EXTREME;

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }
}
