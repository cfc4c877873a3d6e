package dev.lifeguard.assessment.ladder;

import static dev.lifeguard.taxonomy.Imminence.CHRONIC;
import static dev.lifeguard.taxonomy.Imminence.SUBACUTE;
import static dev.lifeguard.taxonomy.Imminence.URGENT;
import static dev.lifeguard.taxonomy.Severity.CRITICAL;
import static dev.lifeguard.taxonomy.Severity.HIGH;
import static dev.lifeguard.taxonomy.Severity.MILD;
import static dev.lifeguard.taxonomy.Severity.MODERATE;

import java.util.ArrayList;
import java.util.List;

/**
 * Violence by the speaker, HCR-20 style: anger and grievance, then ideation, then an identified
 * target or a threat, then plan, weapon or time. The subject is the person at risk (other).
 */
final class ViolenceLadder implements Ladder {
  static final String FRAMEWORK = "HCR-20";
  private static final String[] MEANS_OR_TIME = {"means_available", "means_access", "timeline_stated",
      "target_identification"};

  private static final List<Rung> RUNGS = List.of(
      Rung.of("planning a mass attack", in -> in.has("mass_violence_planning"), CRITICAL, URGENT,
          "violence_targeted_mass_attack_planning", "mass_violence_planning", "target_identification",
          "timeline_stated"),
      Rung.of("threat with weapon, time or target located", in -> in.hasAny("specific_threat", "homicidal_ideation")
          && in.has("identifiable_victim") && in.count(MEANS_OR_TIME) > 0, CRITICAL, URGENT, "violence_plan",
          "specific_threat", "homicidal_ideation", "identifiable_victim", "means_available", "means_access",
          "timeline_stated", "target_identification"),
      Rung.of("voices commanding violence", in -> in.has("command_hallucinations"), HIGH, URGENT,
          "violence_ideation_specific", "command_hallucinations"),
      Rung.of("violence just committed", in -> in.current("physical_violence"), HIGH, URGENT, "violence_recent",
          "physical_violence"),
      Rung.of("explicit threat", in -> in.has("specific_threat"), HIGH, SUBACUTE, "violence_threat",
          "specific_threat", "identifiable_victim"),
      Rung.of("ideation about an identified person", in -> in.has("homicidal_ideation")
          && in.has("identifiable_victim"), HIGH, SUBACUTE, "violence_ideation_specific", "homicidal_ideation",
          "identifiable_victim"),
      Rung.of("ideation about harming people", in -> in.has("homicidal_ideation"), MODERATE, CHRONIC,
          "violence_ideation_vague", "homicidal_ideation"),
      Rung.of("anger or grievance with past violence", in -> in.hasAny("escalating_anger", "grievance")
          && in.has("history_of_violence"), MODERATE, SUBACUTE, "violence_ideation_vague", "escalating_anger",
          "grievance", "history_of_violence"),
      Rung.of("anger or grievance", in -> in.hasAny("escalating_anger", "grievance", "history_of_violence"), MILD,
          CHRONIC, "violence_ideation_vague", "escalating_anger", "grievance", "history_of_violence"));

  @Override
  public Grade grade(LadderInput in) {
    Grade grade = Rung.climb(FRAMEWORK, in, RUNGS);
    if (grade.isNone()) {
      return grade;
    }
    List<String> types = new ArrayList<>(grade.clinicalTypes());
    if (in.has("homicidal_ideation") && !types.contains("homicidal_ideation")) {
      types.add("homicidal_ideation");
    }
    if (in.hasAny("identifiable_victim", "target_identification")) {
      types.add("target_identification");
    }
    return grade.withClinicalTypes(types);
  }
}
