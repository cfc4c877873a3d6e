package dev.lifeguard.assessment.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A light language identifier: counts frequent function words of English, Spanish, French, German,
 * Portuguese and Italian (words of one language only count double). Reports ISO 639-1, or
 * {@code und} when no language clearly leads.
 */
public final class LanguageIdentifier {
  public static final String UNDETERMINED = "und";
  public static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "pt", "it");
  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
  private static final String RESOURCE = "/assessment/evidence/stopwords.txt";

  private final Map<String, Set<String>> words;
  private final Map<String, Integer> owners = new HashMap<>();

  private LanguageIdentifier(Map<String, Set<String>> words) {
    this.words = words;
    words.values().forEach(set -> set.forEach(w -> owners.merge(w, 1, Integer::sum)));
  }

  public static LanguageIdentifier standard() {
    return Holder.INSTANCE;
  }

  /** The language of {@code text}, or {@code und}. */
  public String identify(String text) {
    return identify(text, Map.of());
  }

  /** As {@link #identify(String)}, with extra votes per language (e.g. crisis phrases matched in it). */
  public String identify(String text, Map<String, Integer> extraVotes) {
    Map<String, Integer> score = new LinkedHashMap<>();
    LANGUAGES.forEach(l -> score.put(l, 2 * extraVotes.getOrDefault(l, 0)));
    Matcher m = WORD.matcher(TextFolding.fold(text));
    while (m.find()) {
      String w = m.group();
      for (String lang : LANGUAGES) {
        if (words.get(lang).contains(w)) {
          score.merge(lang, owners.get(w) == 1 ? 2 : 1, Integer::sum);
        }
      }
    }
    return leader(score);
  }

  private static String leader(Map<String, Integer> score) {
    String best = UNDETERMINED;
    int top = 0;
    int second = 0;
    for (Map.Entry<String, Integer> e : score.entrySet()) {
      if (e.getValue() > top) {
        second = top;
        top = e.getValue();
        best = e.getKey();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    return top >= 2 && top > second ? best : UNDETERMINED;
  }

  private static final class Holder {
    static final LanguageIdentifier INSTANCE = new LanguageIdentifier(load());

    private static Map<String, Set<String>> load() {
      try (InputStream in = LanguageIdentifier.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing classpath resource " + RESOURCE);
        }
        Map<String, Set<String>> map = new HashMap<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String[] parts = line.strip().split("\\s+");
          if (parts.length > 1 && !parts[0].startsWith("#")) {
            map.computeIfAbsent(parts[0], k -> new HashSet<>())
                .addAll(List.of(parts).subList(1, parts.length).stream().map(TextFolding::fold).toList());
          }
        }
        map.replaceAll((k, v) -> Set.copyOf(v));
        return Map.copyOf(map);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }
}
