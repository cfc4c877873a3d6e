package dev.lifeguard.reply;

import dev.lifeguard.taxonomy.AgeBand;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reply may use beyond the assessment: the language to write in, the user's age band, the
 * matched crisis resources (as rendered by {@code ResourceView}, best first) and the country's
 * emergency-number entry. Replies name resources only from here, never from their own text.
 *
 * @param language ISO 639-1; a language without templates falls back to {@link #DEFAULT_LANGUAGE}
 */
public record ReplyContext(String language, AgeBand ageBand, List<JsonObject> resources, Optional<JsonObject> emergency) {
  public static final String DEFAULT_LANGUAGE = "en";
  /** Languages with templates and response patterns. */
  public static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "pt", "it");

  public ReplyContext {
    language = supported(language);
    ageBand = ageBand == null ? AgeBand.UNKNOWN : ageBand;
    resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
    emergency = Objects.requireNonNull(emergency, "emergency");
  }

  public static ReplyContext of(String language, AgeBand ageBand, List<JsonObject> resources, JsonObject emergency) {
    return new ReplyContext(language, ageBand, resources, Optional.ofNullable(emergency));
  }

  public boolean minor() {
    return ageBand == AgeBand.MINOR;
  }

  /** "es-MX", "ES" and "es" all mean Spanish; "und", null or a language without templates mean English. */
  static String supported(String language) {
    if (language == null) {
      return DEFAULT_LANGUAGE;
    }
    String code = language.split("[-_]")[0].toLowerCase(Locale.ROOT);
    return LANGUAGES.contains(code) ? code : DEFAULT_LANGUAGE;
  }
}
