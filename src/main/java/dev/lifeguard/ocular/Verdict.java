package dev.lifeguard.ocular;

import dev.lifeguard.taxonomy.WireNamed;

/** The authoritative decision: nothing to act on, worth a human look, or act now. */
public enum Verdict implements WireNamed {
  CLEAR, WATCH, DANGER;

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }

  public static Verdict max(Verdict a, Verdict b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
