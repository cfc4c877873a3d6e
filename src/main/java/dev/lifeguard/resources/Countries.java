package dev.lifeguard.resources;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes (plus XK, Kosovo, which the directory covers). */
public final class Countries {
  private static final Set<String> CODES = codes();

  private Countries() {}

  public static boolean isKnown(String code) {
    return code != null && CODES.contains(code.toUpperCase(Locale.ROOT));
  }

  /** The region of a BCP 47 locale such as {@code en-GB} or {@code pt_BR}, if it names a known country. */
  public static Optional<String> ofLocale(String locale) {
    if (locale == null) {
      return Optional.empty();
    }
    String region = Locale.forLanguageTag(locale.replace('_', '-')).getCountry();
    return isKnown(region) ? Optional.of(region.toUpperCase(Locale.ROOT)) : Optional.empty();
  }

  private static Set<String> codes() {
    Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
    codes.add("XK");
    return Set.copyOf(codes);
  }
}
