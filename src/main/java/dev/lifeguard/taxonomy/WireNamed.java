package dev.lifeguard.taxonomy;

import java.util.Locale;
import java.util.Optional;

/** A taxonomy value with the exact name it has on the wire (JSON fields, headers, probe labels). */
public interface WireNamed {

  String wireName();

  /** The constant of {@code type} whose wire name is {@code name}, if any. */
  static <E extends Enum<E> & WireNamed> Optional<E> parse(Class<E> type, String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (E value : type.getEnumConstants()) {
      if (value.wireName().equals(name)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** The default wire name of an enum constant: its name in lower case. */
  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
