package dev.lifeguard.taxonomy;

import java.util.Optional;

/** HOW content is expressed; orthogonal to risk level. */
public enum Style implements WireNamed {
  DIRECT("Explicit, first-person present statements"),
  HUMOR("Dark humor, memes, ironic expressions, Gen-Z speak"),
  FICTION("Creative writing, roleplay, storytelling contexts"),
  HYPOTHETICAL("\"What if\" scenarios, \"asking for a friend\""),
  DISTANCED("Third-party concern, temporal distancing, past tense"),
  CLINICAL("Academic, professional, research discussion"),
  MINIMIZED("Hedged language, downplaying severity"),
  ADVERSARIAL("Jailbreak attempts, manipulation, testing boundaries");

  private final String description;

  Style(String description) {
    this.description = description;
  }

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }

  public String description() {
    return description;
  }

  public static Optional<Style> fromWire(String name) {
    return WireNamed.parse(Style.class, name);
  }
}
