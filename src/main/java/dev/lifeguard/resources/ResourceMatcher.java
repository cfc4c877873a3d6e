package dev.lifeguard.resources;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.Risk;
import dev.lifeguard.taxonomy.AgeBand;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses crisis resources for an assessed conversation: the user's country, services whose scope
 * fits each risk found (most serious risk first), youth services first for minors, services in the
 * user's language next, then priority tier, verified and 24/7 entries first (the directory's order).
 * At high or critical severity, or urgent or emergency imminence, the country's emergency number is
 * included. Every entry says {@code why} it was chosen.
 */
public final class ResourceMatcher {
  /** Which directory scopes serve which risk type, best first. */
  public static final Map<RiskType, List<String>> SCOPES = scopes();
  static final List<String> YOUTH = List.of("youth", "children", "young_adults", "youth_16_plus");
  private static final int TYPES_CONSIDERED = 3;
  private static final int PER_TYPE = 2;
  private static final int MAX_SECONDARY = 4;
  private static final int GENERAL_CACHE = 10_000;

  /** What is known about the user. */
  public record Request(Optional<String> country, Optional<String> language, AgeBand ageBand) {}

  private final CrisisDirectory directory;
  private final Cache<Request, Future<MatchedResources>> general = Caffeine.newBuilder().maximumSize(GENERAL_CACHE).build();

  public ResourceMatcher(CrisisDirectory directory) {
    this.directory = directory;
  }

  /** Whether resources belong in the answer at all: from moderate severity up, whoever is at risk. */
  public static boolean warranted(Assessment a) {
    return a.maxSeverity().atLeast(Severity.MODERATE);
  }

  /** Whether the emergency number belongs in the answer. */
  public static boolean emergencyWarranted(Assessment a) {
    return a.maxSeverity().atLeast(Severity.HIGH) || a.overallImminence().compareTo(Imminence.URGENT) >= 0;
  }

  public static boolean isEmergency(JsonObject resource) {
    return "emergency_number".equals(resource.getString("type"));
  }

  /**
   * The country's general crisis lines whatever the assessment says: offered when a model reply is
   * withheld. Cached, since the directory only changes at start-up.
   */
  public Future<MatchedResources> general(Request request) {
    if (request.country().isEmpty()) {
      return Future.succeededFuture(MatchedResources.none(request.country()));
    }
    return general.get(request, r -> directory.find(new CrisisDirectory.Query(r.country().get(), List.of("suicide", "crisis"),
            r.ageBand() == AgeBand.MINOR ? YOUTH : List.of(), r.language().stream().toList(), PER_TYPE))
        .map(found -> new MatchedResources(r.country(), found.resources().stream().findFirst()
            .map(p -> p.copy().put("why", Why.GENERAL)), found.resources().stream().skip(1).map(x -> x.copy().put("why", Why.GENERAL)).toList(),
            Optional.empty()))
        .onFailure(e -> general.invalidate(r)));
  }

  public Future<MatchedResources> match(Assessment a, Request request) {
    if (request.country().isEmpty() || !warranted(a)) {
      return Future.succeededFuture(MatchedResources.none(request.country()));
    }
    String country = request.country().get();
    List<RiskType> types = a.risks().stream().map(Risk::type).distinct().limit(TYPES_CONSIDERED).toList();
    List<String> populations = request.ageBand() == AgeBand.MINOR ? YOUTH : List.of();
    List<String> languages = request.language().stream().toList();
    List<Future<CrisisDirectory.Result>> lookups = new ArrayList<>();
    for (RiskType type : types) {
      lookups.add(directory.find(new CrisisDirectory.Query(country, scopesFor(type, request.ageBand()), populations, languages,
          PER_TYPE)));
    }
    return Future.all(lookups).map(all -> {
      List<CrisisDirectory.Result> results = all.list();
      return assemble(a, request, country, types, results);
    });
  }

  /** A minor's abuse is child abuse first; an adult's is domestic abuse first. */
  static List<String> scopesFor(RiskType type, AgeBand band) {
    if (type == RiskType.ABUSE && band == AgeBand.MINOR) {
      return List.of("child_abuse", "domestic_violence");
    }
    return SCOPES.get(type);
  }

  private static MatchedResources assemble(Assessment a, Request request, String country, List<RiskType> types,
      List<CrisisDirectory.Result> results) {
    Map<String, JsonObject> chosen = new LinkedHashMap<>();
    for (int i = 0; i < types.size(); i++) {
      CrisisDirectory.Result result = results.get(i);
      for (JsonObject r : result.resources()) {
        chosen.putIfAbsent(r.getString("id"), r.copy().put("why", Why.forRisk(r, types.get(i), i == 0 && chosen.isEmpty(),
            result.scopeFallback(), request, country)));
      }
    }
    for (CrisisDirectory.Result result : results) {
      for (JsonObject r : result.secondary()) {
        chosen.putIfAbsent(r.getString("id"), r.copy().put("why", Why.ADDITIONAL));
      }
    }
    Optional<JsonObject> emergency = results.isEmpty() ? Optional.empty()
        : results.get(0).emergency().filter(e -> emergencyWarranted(a)).map(e -> e.copy().put("why", Why.emergency(country)));

    List<JsonObject> ordered = new ArrayList<>(chosen.values());
    boolean emergencyFirst = emergency.isPresent() && (a.overallImminence() == Imminence.EMERGENCY || ordered.isEmpty());
    Optional<JsonObject> primary;
    List<JsonObject> secondary = new ArrayList<>();
    if (emergencyFirst) {
      primary = emergency;
      secondary.addAll(ordered);
    } else {
      primary = ordered.stream().findFirst();
      emergency.ifPresent(secondary::add);
      secondary.addAll(ordered.subList(Math.min(1, ordered.size()), ordered.size()));
    }
    return new MatchedResources(Optional.of(country), primary,
        secondary.subList(0, Math.min(MAX_SECONDARY, secondary.size())), emergency);
  }

  private static Map<RiskType, List<String>> scopes() {
    Map<RiskType, List<String>> m = new EnumMap<>(RiskType.class);
    m.put(RiskType.SUICIDE, List.of("suicide", "crisis"));
    m.put(RiskType.SELF_HARM, List.of("self_harm", "suicide", "crisis"));
    m.put(RiskType.SELF_NEGLECT, List.of("eating_disorder", "substance_use", "overdose", "mental_health", "crisis"));
    m.put(RiskType.VIOLENCE, List.of("violence_to_others", "crisis"));
    m.put(RiskType.ABUSE, List.of("domestic_violence", "elder_abuse", "child_abuse"));
    m.put(RiskType.SEXUAL_VIOLENCE, List.of("sexual_violence"));
    m.put(RiskType.NEGLECT, List.of("child_abuse", "elder_abuse"));
    m.put(RiskType.EXPLOITATION, List.of("trafficking", "sextortion", "child_abuse"));
    m.put(RiskType.STALKING, List.of("stalking", "domestic_violence"));
    return Map.copyOf(m);
  }
}
