package dev.lifeguard.assessment.ladder;

import static dev.lifeguard.taxonomy.Imminence.CHRONIC;
import static dev.lifeguard.taxonomy.Imminence.SUBACUTE;
import static dev.lifeguard.taxonomy.Imminence.URGENT;
import static dev.lifeguard.taxonomy.Severity.HIGH;
import static dev.lifeguard.taxonomy.Severity.MILD;
import static dev.lifeguard.taxonomy.Severity.MODERATE;

import java.util.List;

/**
 * Self-neglect and psychiatric emergency: dehydration and starvation with psychosis or substances are
 * urgent; psychosis, not eating and refusing care are a clear concern; functional decline alone is mild.
 */
final class SelfNeglectLadder implements Ladder {
  static final String FRAMEWORK = "self-neglect / psychiatric emergency";
  private static final String[] PSYCHOSIS = {"psychosis_present", "persecutory_delusions", "visual_hallucinations",
      "command_hallucinations", "disorientation", "paranoid_delusions"};
  private static final String[] DECLINE = {"hygiene_neglect", "severe_functional_impairment",
      "unsafe_living_conditions", "medication_non_adherence", "sleep_disruption", "hoarding",
      "self_isolation_neglect"};

  private static final List<Rung> RUNGS = List.of(
      Rung.of("not drinking", in -> in.has("days_without_fluids"), HIGH, URGENT, null, "days_without_fluids"),
      Rung.of("not eating with psychosis, substances or refused care", in -> in.has("days_without_food")
          && (in.count(PSYCHOSIS) > 0 || in.hasAny("substance_intoxication", "medical_care_refusal")), HIGH, URGENT,
          null, concat("days_without_food", "substance_intoxication", "medical_care_refusal")),
      Rung.of("psychosis with stopped medication", in -> in.count(PSYCHOSIS) > 0
          && in.has("medication_non_adherence"), HIGH, SUBACUTE, null, concat("medication_non_adherence")),
      Rung.of("not eating", in -> in.has("days_without_food"), MODERATE, SUBACUTE, null, "days_without_food"),
      Rung.of("refusing medical care", in -> in.has("medical_care_refusal"), MODERATE, SUBACUTE, null,
          "medical_care_refusal"),
      Rung.of("psychotic symptoms", in -> in.count(PSYCHOSIS) > 0, MODERATE, SUBACUTE, null, PSYCHOSIS),
      Rung.of("several signs of decline", in -> in.count(DECLINE) >= 2, MODERATE, CHRONIC, null, DECLINE),
      Rung.of("one sign of decline", in -> in.count(DECLINE) == 1, MILD, CHRONIC, null, DECLINE));

  @Override
  public Grade grade(LadderInput in) {
    return Rung.climb(FRAMEWORK, in, RUNGS);
  }

  private static String[] concat(String... extra) {
    String[] all = new String[PSYCHOSIS.length + extra.length];
    System.arraycopy(extra, 0, all, 0, extra.length);
    System.arraycopy(PSYCHOSIS, 0, all, extra.length, PSYCHOSIS.length);
    return all;
  }
}
