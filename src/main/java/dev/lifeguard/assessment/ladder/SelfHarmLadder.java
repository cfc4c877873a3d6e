package dev.lifeguard.assessment.ladder;

import static dev.lifeguard.taxonomy.Imminence.SUBACUTE;
import static dev.lifeguard.taxonomy.Imminence.URGENT;
import static dev.lifeguard.taxonomy.Severity.HIGH;
import static dev.lifeguard.taxonomy.Severity.MILD;
import static dev.lifeguard.taxonomy.Severity.MODERATE;

import java.util.List;

/**
 * Non-suicidal self-injury: urges, then current injury, then injury that needs medical care. Encouraging
 * someone else to self-harm (dangerous challenges) puts them at high risk.
 */
final class SelfHarmLadder implements Ladder {
  static final String FRAMEWORK = "NSSI (C-SSRS non-suicidal self-injurious behaviour)";

  private static final List<Rung> RUNGS = List.of(
      Rung.of("injury needing medical care", in -> in.has("medical_attention_needed"), HIGH, URGENT, "nssi",
          "medical_attention_needed", "nssi"),
      Rung.of("dangerous challenge or encouragement", in -> in.hasAny("dangerous_challenge_content",
          "harm_encouragement"), HIGH, SUBACUTE, null, "dangerous_challenge_content", "harm_encouragement"),
      Rung.of("current self-injury with distress or substances", in -> in.has("nssi")
          && in.hasAny("acute_distress", "substance_intoxication"), MODERATE, URGENT, "nssi", "nssi",
          "acute_distress", "substance_intoxication"),
      Rung.of("current self-injury", in -> in.has("nssi"), MODERATE, SUBACUTE, "nssi", "nssi"),
      Rung.of("urge to self-injure", in -> in.has("self_harm_urge"), MILD, SUBACUTE, null, "self_harm_urge"));

  @Override
  public Grade grade(LadderInput in) {
    Grade grade = Rung.climb(FRAMEWORK, in, RUNGS);
    boolean suicidal = in.related().stream().anyMatch(f -> f.endsWith("_ideation") || f.equals("intent_stated"));
    if (grade.clinicalTypes().contains("nssi") && suicidal) {
      return grade.withClinicalTypes(List.of("nssi_with_suicidal_ideation"));
    }
    return grade;
  }
}
