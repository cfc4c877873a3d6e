package dev.lifeguard.taxonomy;

import java.util.Objects;

/** One named entry of a vocabulary (a feature, a clinical risk type, a protective factor…). */
public record Term(String name, String description) {
  public Term {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
  }
}
