package dev.lifeguard.assessment.ladder;

import static dev.lifeguard.taxonomy.Imminence.CHRONIC;
import static dev.lifeguard.taxonomy.Imminence.SUBACUTE;
import static dev.lifeguard.taxonomy.Imminence.URGENT;
import static dev.lifeguard.taxonomy.Severity.CRITICAL;
import static dev.lifeguard.taxonomy.Severity.HIGH;
import static dev.lifeguard.taxonomy.Severity.MODERATE;

import java.util.List;

/**
 * Stalking, on SAM: unwanted contact is a concern; following, showing up and tracking are serious;
 * threats or weapons alongside stalking are critical.
 */
final class StalkingLadder implements Ladder {
  static final String FRAMEWORK = "SAM";
  private static final String[] PURSUIT = {"stalking", "monitoring_surveillance"};

  private static final List<Rung> RUNGS = List.of(
      Rung.of("pursuit with threats", in -> in.hasAnywhere("threats_to_kill") || in.hasAnywhere("weapon_threat")
          || in.hasAnywhere("specific_threat"), CRITICAL, URGENT, "stalking", "stalking", "monitoring_surveillance",
          "unwanted_contact"),
      Rung.of("pursuit that escalates or can reach the victim", in -> in.hasAny(PURSUIT)
          && in.hasAny("escalation_pattern", "perpetrator_access"), HIGH, URGENT, "stalking", "stalking",
          "monitoring_surveillance", "escalation_pattern", "perpetrator_access"),
      Rung.of("following, showing up or tracking", in -> in.hasAny(PURSUIT), HIGH, SUBACUTE, "stalking", PURSUIT),
      Rung.of("persistent unwanted contact", in -> in.has("unwanted_contact"), MODERATE, CHRONIC, "stalking",
          "unwanted_contact"));

  @Override
  public Grade grade(LadderInput in) {
    Grade grade = Rung.climb(FRAMEWORK, in, RUNGS);
    if (!grade.isNone() && in.inContext(Contexts.ONLINE) && in.has("monitoring_surveillance")) {
      return grade.withClinicalTypes(List.of("stalking", "online_stalking"));
    }
    return grade;
  }
}
