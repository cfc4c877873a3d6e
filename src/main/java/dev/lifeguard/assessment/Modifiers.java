package dev.lifeguard.assessment;

import static dev.lifeguard.taxonomy.RiskType.ABUSE;
import static dev.lifeguard.taxonomy.RiskType.EXPLOITATION;
import static dev.lifeguard.taxonomy.RiskType.NEGLECT;
import static dev.lifeguard.taxonomy.RiskType.SELF_HARM;
import static dev.lifeguard.taxonomy.RiskType.SELF_NEGLECT;
import static dev.lifeguard.taxonomy.RiskType.SEXUAL_VIOLENCE;
import static dev.lifeguard.taxonomy.RiskType.STALKING;
import static dev.lifeguard.taxonomy.RiskType.SUICIDE;
import static dev.lifeguard.taxonomy.RiskType.VIOLENCE;

import dev.lifeguard.assessment.evidence.Evidence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Subject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which aggravating factors attach to which risk. A modifier on its own ("i'm drunk", "tonight") is
 * no risk; next to one it raises the ladder ("i want to die" + "i have pills").
 */
final class Modifiers {
  private Modifiers() {}

  private static final Map<RiskType, Set<String>> APPLIES = new EnumMap<>(Map.of(
      SUICIDE, Set.of("timeline_stated", "means_access", "social_isolation", "acute_distress",
          "substance_intoxication", "sleep_disruption", "medication_non_adherence"),
      SELF_HARM, Set.of("acute_distress", "substance_intoxication", "social_isolation"),
      SELF_NEGLECT, Set.of("substance_intoxication", "sleep_disruption", "medication_non_adherence",
          "social_isolation"),
      VIOLENCE, Set.of("means_access", "timeline_stated", "target_identification", "substance_intoxication"),
      ABUSE, Set.of("weapon_access", "escalation_pattern", "separation_recent", "pregnancy", "perpetrator_access",
          "extreme_jealousy", "substance_intoxication"),
      SEXUAL_VIOLENCE, Set.of("escalation_pattern", "separation_recent", "pregnancy", "perpetrator_access"),
      STALKING, Set.of("escalation_pattern", "perpetrator_access", "separation_recent", "weapon_access"),
      EXPLOITATION, Set.of(),
      NEGLECT, Set.of("substance_intoxication")));

  /** "tonight" only means something in the message that names what will happen tonight. */
  private static final Set<String> SAME_MESSAGE = Set.of("timeline_stated");

  /**
   * The modifiers that aggravate a risk: of a kind that applies to its type, about the same subject
   * (the speaker's weapon or timeline aggravates their threat to others), said in the same message
   * when timing matters.
   */
  static List<Evidence> attach(RiskType type, Subject subject, List<Evidence> own, List<Evidence> modifiers) {
    Set<String> applies = APPLIES.get(type);
    return modifiers.stream()
        .filter(m -> applies.contains(m.name()))
        .filter(m -> type == VIOLENCE || m.subject() == subject || m.subject() == null)
        .filter(m -> !SAME_MESSAGE.contains(m.name()) || own.stream().anyMatch(e -> e.message() == m.message()))
        .toList();
  }

  /** The feature's name for this risk type: access to a weapon is {@code means_available} in HCR-20 terms. */
  static String nameFor(RiskType type, String feature) {
    return type == VIOLENCE && feature.equals("means_access") ? "means_available" : feature;
  }
}
