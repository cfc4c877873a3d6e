package dev.lifeguard.taxonomy;

import java.util.Optional;

/** The caller's {@code config.user_age_band}. */
public enum AgeBand implements WireNamed {
  ADULT, MINOR, UNKNOWN;

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }

  public static Optional<AgeBand> fromWire(String name) {
    return WireNamed.parse(AgeBand.class, name);
  }
}
