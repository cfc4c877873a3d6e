package dev.lifeguard.assessment;

import dev.lifeguard.taxonomy.AgeBand;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the caller tells us about the user: country (ISO 3166-1 alpha-2), locale ("en-US"), age band,
 * and free-text context about the app ("a teen mental health app").
 */
public record AssessmentContext(Optional<String> country, Optional<String> locale, AgeBand ageBand,
    Optional<String> userContext) {

  public AssessmentContext {
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(userContext, "userContext");
    ageBand = ageBand == null ? AgeBand.UNKNOWN : ageBand;
  }

  /** Nothing known about the user. */
  public static AssessmentContext unknown() {
    return new AssessmentContext(Optional.empty(), Optional.empty(), AgeBand.UNKNOWN, Optional.empty());
  }

  public static AssessmentContext of(String country, String locale, AgeBand ageBand, String userContext) {
    return new AssessmentContext(Optional.ofNullable(country), Optional.ofNullable(locale), ageBand,
        Optional.ofNullable(userContext));
  }

  public AssessmentContext withAgeBand(AgeBand band) {
    return new AssessmentContext(country, locale, band, userContext);
  }

  public AssessmentContext withLocale(String newLocale) {
    return new AssessmentContext(country, Optional.ofNullable(newLocale), ageBand, userContext);
  }

  /** The ISO 639-1 language of the locale ("es" for "es-MX"), if any. */
  public Optional<String> localeLanguage() {
    return locale.map(l -> l.split("[-_]")[0].toLowerCase(Locale.ROOT)).filter(l -> l.length() == 2);
  }
}
