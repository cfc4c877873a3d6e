package dev.lifeguard.ocular;

import dev.lifeguard.taxonomy.WireNamed;

/** Ocular's fixed ladder for every axis, weakest first; callers route on it rather than on raw scores. */
public enum Level implements WireNamed {
  MINIMAL, LOW, MODERATE, HIGH, CRITICAL;

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }

  public boolean atLeast(Level other) {
    return compareTo(other) >= 0;
  }
}
