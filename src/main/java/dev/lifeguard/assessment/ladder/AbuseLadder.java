package dev.lifeguard.assessment.ladder;

import static dev.lifeguard.taxonomy.Imminence.CHRONIC;
import static dev.lifeguard.taxonomy.Imminence.EMERGENCY;
import static dev.lifeguard.taxonomy.Imminence.SUBACUTE;
import static dev.lifeguard.taxonomy.Imminence.URGENT;
import static dev.lifeguard.taxonomy.Severity.CRITICAL;
import static dev.lifeguard.taxonomy.Severity.HIGH;
import static dev.lifeguard.taxonomy.Severity.MODERATE;

import dev.lifeguard.taxonomy.Subject;
import java.util.ArrayList;
import java.util.List;

/**
 * Abuse, on DASH and the Danger Assessment: coercive control is a clear concern; physical violence
 * is serious; strangulation, threats to kill and weapons are lethality markers, as is violence that
 * escalates, follows a separation or happens in pregnancy.
 */
final class AbuseLadder implements Ladder {
  static final String FRAMEWORK = "DASH / Danger Assessment";
  static final String[] LETHAL = {"strangulation_history", "threats_to_kill", "weapon_threat"};
  static final String[] AGGRAVATING = {"escalation_pattern", "separation_recent", "pregnancy", "weapon_access"};
  static final String[] COERCIVE = {"controlling_behavior", "economic_control", "monitoring_surveillance",
      "pattern_of_isolation", "movement_restriction", "emotional_abuse", "threats_to_pets", "extreme_jealousy"};

  private static final List<Rung> RUNGS = List.of(
      Rung.of("in danger right now", in -> in.has("immediate_danger"), CRITICAL, EMERGENCY, null,
          "immediate_danger"),
      Rung.of("current lethality marker", in -> current(in, LETHAL), CRITICAL, URGENT, null, LETHAL),
      Rung.of("lethality marker in the history of ongoing abuse", in -> in.count(LETHAL) > 0
          && in.hasAny("physical_violence", "victim_fear_level", "controlling_behavior"), CRITICAL, SUBACUTE, null,
          LETHAL),
      Rung.of("violence that escalates, follows separation, in pregnancy or with weapons", in ->
          in.hasAny("physical_violence", "physical_abuse") && in.count(AGGRAVATING) > 0, CRITICAL, SUBACUTE, null,
          "physical_violence", "physical_abuse", "escalation_pattern", "separation_recent", "pregnancy",
          "weapon_access"),
      Rung.of("threats to children", in -> in.has("threats_to_children"), HIGH, SUBACUTE, null,
          "threats_to_children"),
      Rung.of("physical violence", in -> in.hasAny("physical_violence", "physical_abuse"), HIGH, SUBACUTE, null,
          "physical_violence", "physical_abuse"),
      Rung.of("fear of the abuser", in -> in.has("victim_fear_level"), MODERATE, SUBACUTE, null,
          "victim_fear_level"),
      Rung.of("coercive control", in -> in.count(COERCIVE) > 0 || in.has("witnessing_violence"), MODERATE, CHRONIC,
          null, concat(COERCIVE, "witnessing_violence")));

  @Override
  public Grade grade(LadderInput in) {
    Grade grade = Rung.climb(FRAMEWORK, in, RUNGS);
    return grade.isNone() ? grade : grade.withClinicalTypes(clinicalTypes(in));
  }

  private static boolean current(LadderInput in, String[] names) {
    for (String n : names) {
      if (in.current(n)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> clinicalTypes(LadderInput in) {
    List<String> types = new ArrayList<>();
    boolean physical = in.hasAny("physical_violence", "physical_abuse", "strangulation_history", "weapon_threat");
    boolean coercive = in.count(COERCIVE) > 0;
    if (in.subject() != Subject.SELF && in.inContext(Contexts.CHILD)) {
      add(types, physical, "child_physical_abuse");
      add(types, in.has("emotional_abuse") || coercive, "child_emotional_abuse");
      add(types, in.has("witnessing_violence"), "witnessing_violence");
    } else if (in.inContext(Contexts.VULNERABLE_ADULT)) {
      add(types, true, in.subject() == Subject.SELF ? "elder_abuse_victim" : "vulnerable_adult_abuse");
    } else if (in.inContext(Contexts.PARTNER)) {
      add(types, physical, "domestic_violence_physical");
      add(types, in.has("emotional_abuse"), "domestic_violence_emotional");
      add(types, in.has("economic_control"), "domestic_violence_financial");
      add(types, coercive, "domestic_violence_coercive_control");
    } else {
      add(types, physical, "physical_assault");
    }
    return types;
  }

  private static void add(List<String> types, boolean when, String type) {
    if (when && !types.contains(type)) {
      types.add(type);
    }
  }

  private static String[] concat(String[] names, String extra) {
    String[] all = java.util.Arrays.copyOf(names, names.length + 1);
    all[names.length] = extra;
    return all;
  }
}
