package dev.lifeguard.taxonomy;

import java.util.Optional;

/** WHO is at risk: the speaker, someone else, or cannot tell. */
public enum Subject implements WireNamed {
  SELF, OTHER, UNKNOWN;

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }

  public static Optional<Subject> fromWire(String name) {
    return WireNamed.parse(Subject.class, name);
  }
}
