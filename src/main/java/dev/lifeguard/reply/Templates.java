package dev.lifeguard.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The reply wording of one language, read from {@code reply/templates-<lang>.json}. Every language
 * must have every key in {@link #REQUIRED}: a missing sentence is a start-up failure, never a silent
 * fall back to English in the middle of a Spanish reply.
 */
final class Templates {
  private static final String DIR = "/reply/";
  /** A template names a service or a number only through placeholders; a digit means someone typed one in. */
  private static final Pattern DIGIT = Pattern.compile("\\p{Nd}");
  private static final String MINOR_SUFFIX = ".minor";

  static final Set<String> REQUIRED = required();

  private final String language;
  private final Map<String, String> text;

  private Templates(String language, Map<String, String> text) {
    this.language = language;
    this.text = Map.copyOf(text);
  }

  /** The templates of a supported language (see {@link ReplyContext#LANGUAGES}). */
  static Templates of(String language) {
    Templates t = Loaded.ALL.get(ReplyContext.supported(language));
    if (t == null) {
      throw new IllegalStateException("no reply templates for " + language);
    }
    return t;
  }

  String language() {
    return language;
  }

  String get(String key) {
    String value = text.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no reply template " + key + " for " + language);
    }
    return value;
  }

  /** The minor's variant of {@code key} when the language has one, else the key itself. */
  String get(String key, boolean minor) {
    return minor ? text.getOrDefault(key + MINOR_SUFFIX, get(key)) : get(key);
  }

  /** {@code get(key)} with {@code {name}} placeholders filled in (values are inserted literally). */
  String fill(String key, Map<String, String> values) {
    String out = get(key);
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("{" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  Map<String, String> all() {
    return text;
  }

  private static Set<String> required() {
    Set<String> keys = new TreeSet<>();
    keys.add("language_name");
    for (String family : List.of("self_harm", "abuse", "safeguarding")) {
      keys.add("opening.at_risk." + family);
      keys.add("opening.bystander." + family);
      keys.add("guidance." + family);
      for (String band : List.of("mild", "moderate", "high")) {
        keys.add("concern.at_risk." + family + "." + band);
      }
    }
    keys.addAll(List.of("opening.encouraging", "opening.threatening", "concern.encouraging"));
    for (String band : List.of("mild", "moderate", "high")) {
      keys.add("concern.bystander." + band);
      keys.add("concern.threatening." + band);
      keys.add("resources.intro.at_risk." + band);
    }
    for (String group : List.of("at_risk", "bystander", "harm_source")) {
      keys.addAll(List.of("emergency." + group, "emergency_generic." + group, "closing." + group, "minor." + group));
    }
    keys.addAll(List.of("resources.intro.bystander", "resources.intro.harm_source", "resources.line", "resources.call",
        "resources.text", "resources.chat", "resources.website", "resources.or", "resources.always_open",
        "resources.limited_hours", "resources.none", "withheld", "unavailable"));
    return Set.copyOf(keys);
  }

  /** Holder idiom: all languages are read and checked once, on first use. */
  private static final class Loaded {
    static final Map<String, Templates> ALL = load();

    private static Map<String, Templates> load() {
      Map<String, Templates> all = new HashMap<>();
      for (String language : ReplyContext.LANGUAGES) {
        all.put(language, read(language));
      }
      return Map.copyOf(all);
    }

    private static Templates read(String language) {
      String file = DIR + "templates-" + language + ".json";
      JsonNode root = json(file);
      Map<String, String> text = new HashMap<>();
      root.fields().forEachRemaining(e -> {
        if (!e.getKey().startsWith("_") && !e.getKey().equals("language")) {
          text.put(e.getKey(), e.getValue().asText());
        }
      });
      Set<String> missing = REQUIRED.stream().filter(k -> !text.containsKey(k)).collect(Collectors.toSet());
      if (!missing.isEmpty()) {
        throw new IllegalStateException(file + " lacks " + missing);
      }
      text.forEach((key, value) -> {
        if (DIGIT.matcher(value).find()) {
          throw new IllegalStateException(file + ": " + key + " contains a digit; numbers come only from resources");
        }
      });
      return new Templates(language, text);
    }
  }

  static JsonNode json(String file) {
    try (InputStream in = Templates.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + file);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
