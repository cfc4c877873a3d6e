package dev.lifeguard.resources;

import java.util.List;
import java.util.Set;

/** The service scopes and priority tiers of the crisis-resource directory. Pure data. */
public final class ServiceScopes {
  private ServiceScopes() {}

  public static final Set<String> SCOPES = Set.of(
      "emergency", "suicide", "self_harm", "crisis", "mental_health", "emotional_distress", "loneliness",
      "eating_disorder", "substance_use", "overdose", "domestic_violence", "sexual_violence", "child_abuse",
      "elder_abuse", "trafficking", "sextortion", "stalking", "lgbtq", "violence_to_others", "crime_victims");

  /** Highest priority first; {@code unreviewed_fallback} is shown only when nothing else exists. */
  public static final List<String> TIERS = List.of(
      "emergency_services", "primary_national_crisis", "secondary_national_crisis", "specialist", "regional",
      "unreviewed_fallback");

  public static final String UNREVIEWED = "unreviewed_fallback";

  public static int tierRank(String tier) {
    int rank = TIERS.indexOf(tier);
    if (rank < 0) {
      throw new IllegalArgumentException("unknown priority tier " + tier);
    }
    return rank;
  }
}
