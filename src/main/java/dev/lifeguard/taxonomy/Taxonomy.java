package dev.lifeguard.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The seeds' long vocabularies (evidence features, clinical risk types, protective factors, response
 * issues), loaded once from {@code taxonomy/*.json} on the classpath.
 */
public final class Taxonomy {
  private static final String DIR = "/taxonomy/";

  private Taxonomy() {}

  /** The universal feature pool of seed 001 (attempt and ideation ladder). */
  public static Vocabulary universalFeatures() {
    return Data.INSTANCE.universal;
  }

  /** The risk features of one evaluate domain (seed 003: 36 / 19 / 18 / 28). */
  public static Vocabulary riskFeatures(Domain domain) {
    return Data.INSTANCE.domainFeatures.get(domain);
  }

  /** Features Lifeguard's detectors emit where the seeds name none. */
  public static Vocabulary extensionFeatures() {
    return Data.INSTANCE.extensions;
  }

  /** Every feature name: universal pool, all domains and extensions (first description wins). */
  public static Vocabulary allFeatures() {
    return Data.INSTANCE.allFeatures;
  }

  /** Clinical risk types of one domain (self types follow C-SSRS). */
  public static Vocabulary clinicalRiskTypes(Domain domain) {
    return Data.INSTANCE.clinicalTypes.get(domain);
  }

  /** The 36 protective factors (START, C-SSRS). */
  public static Vocabulary protectiveFactors() {
    return Data.INSTANCE.protective;
  }

  /** The proposed-response issue taxonomy, critical issues first. */
  public static List<ResponseIssue> responseIssues() {
    return Data.INSTANCE.issues;
  }

  public static Optional<ResponseIssue> responseIssue(String name) {
    return responseIssues().stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** Holder idiom: the files are read on first use, once. */
  private static final class Data {
    static final Data INSTANCE = new Data();

    final Vocabulary universal;
    final Map<Domain, Vocabulary> domainFeatures = new EnumMap<>(Domain.class);
    final Vocabulary extensions;
    final Vocabulary allFeatures;
    final Map<Domain, Vocabulary> clinicalTypes = new EnumMap<>(Domain.class);
    final Vocabulary protective;
    final List<ResponseIssue> issues;

    private Data() {
      JsonNode features = read("features.json");
      universal = vocabulary("universal features", features.get("universal"));
      JsonNode types = read("clinical-risk-types.json");
      for (Domain d : Domain.values()) {
        domainFeatures.put(d, vocabulary(d.wireName() + " features", features.get("domains").get(d.wireName())));
        clinicalTypes.put(d, vocabulary(d.wireName() + " risk types", types.get(d.wireName())));
      }
      extensions = vocabulary("extension features", features.get("extensions"));
      allFeatures = union();
      protective = vocabulary("protective factors", read("protective-factors.json").get("factors"));
      issues = issues(read("response-issues.json"));
    }

    private Vocabulary union() {
      Map<String, Term> all = new LinkedHashMap<>();
      universal.terms().forEach(t -> all.putIfAbsent(t.name(), t));
      domainFeatures.values().forEach(v -> v.terms().forEach(t -> all.putIfAbsent(t.name(), t)));
      extensions.terms().forEach(t -> all.putIfAbsent(t.name(), t));
      return new Vocabulary("all features", all.values());
    }

    private static List<ResponseIssue> issues(JsonNode root) {
      List<ResponseIssue> list = new ArrayList<>();
      for (IssueTier tier : IssueTier.values()) {
        for (Term t : vocabulary(tier.wireName(), root.get(tier.name().toLowerCase(Locale.ROOT))).terms()) {
          list.add(new ResponseIssue(t.name(), t.description(), tier));
        }
      }
      return List.copyOf(list);
    }

    private static Vocabulary vocabulary(String name, JsonNode array) {
      if (array == null || !array.isArray()) {
        throw new IllegalStateException("taxonomy data lacks " + name);
      }
      List<Term> terms = new ArrayList<>();
      array.forEach(n -> terms.add(new Term(n.get("name").asText(), n.get("description").asText())));
      return new Vocabulary(name, terms);
    }

    private static JsonNode read(String file) {
      try (InputStream in = Taxonomy.class.getResourceAsStream(DIR + file)) {
        if (in == null) {
          throw new IllegalStateException("missing classpath resource " + DIR + file);
        }
        return new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + DIR + file, e);
      }
    }
  }
}
