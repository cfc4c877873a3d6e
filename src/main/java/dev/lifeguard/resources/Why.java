package dev.lifeguard.resources;

import dev.lifeguard.taxonomy.AgeBand;
import dev.lifeguard.taxonomy.RiskType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The {@code why} of a matched resource: which risk it serves and what made it rank where it did. */
final class Why {
  static final String ADDITIONAL = "Additional support resource";
  static final String GENERAL = "General crisis support, offered because a reply was withheld";
  private static final Map<RiskType, String> CONCERNS = concerns();

  private Why() {}

  static String forRisk(JsonObject resource, RiskType type, boolean primary, boolean scopeFallback,
      ResourceMatcher.Request request, String country) {
    String concern = CONCERNS.get(type);
    StringBuilder why = new StringBuilder(scopeFallback
        ? "General crisis support (no service specific to " + concern + " is listed for " + country + ")"
        : (primary ? "Primary support for " : "Support for ") + concern);
    List<String> traits = new ArrayList<>();
    if (request.ageBand() == AgeBand.MINOR && overlaps(resource.getJsonArray("population_served"), ResourceMatcher.YOUTH)) {
      traits.add("for young people");
    }
    if (request.language().isPresent() && overlaps(resource.getJsonArray("languages"), List.of(request.language().get()))) {
      traits.add("in your language");
    }
    if (Boolean.TRUE.equals(resource.getValue("is_24_7"))) {
      traits.add("open 24/7");
    }
    if (!traits.isEmpty()) {
      why.append("; ").append(String.join(", ", traits));
    }
    return why.toString();
  }

  static String emergency(String country) {
    return "Emergency number in " + country + ": for immediate danger to life";
  }

  private static boolean overlaps(JsonArray values, List<String> wanted) {
    return values != null && wanted.stream().anyMatch(values::contains);
  }

  private static Map<RiskType, String> concerns() {
    Map<RiskType, String> m = new EnumMap<>(RiskType.class);
    m.put(RiskType.SUICIDE, "suicidal thoughts");
    m.put(RiskType.SELF_HARM, "self-harm");
    m.put(RiskType.SELF_NEGLECT, "eating, substance use and looking after yourself");
    m.put(RiskType.VIOLENCE, "thoughts of violence");
    m.put(RiskType.ABUSE, "abuse and domestic violence");
    m.put(RiskType.SEXUAL_VIOLENCE, "sexual violence");
    m.put(RiskType.NEGLECT, "a child or vulnerable adult who may be neglected");
    m.put(RiskType.EXPLOITATION, "exploitation and trafficking");
    m.put(RiskType.STALKING, "stalking and harassment");
    return Map.copyOf(m);
  }
}
