package dev.lifeguard.assessment.ladder;

import static dev.lifeguard.taxonomy.Imminence.SUBACUTE;
import static dev.lifeguard.taxonomy.Imminence.URGENT;
import static dev.lifeguard.taxonomy.Severity.HIGH;

import java.util.List;

/** Sexual violence: any current assault, coercion or image abuse is serious; a child victim is urgent. */
final class SexualViolenceLadder implements Ladder {
  static final String FRAMEWORK = "sexual violence (DASH sexual abuse items)";

  private static final List<Rung> RUNGS = List.of(
      Rung.of("sexual abuse of a child", in -> in.hasAny("sexual_abuse", "sexual_violence") && in.childInvolved(),
          HIGH, URGENT, "child_sexual_abuse", "sexual_abuse", "sexual_violence"),
      Rung.of("sexual assault or coercion", in -> in.hasAny("sexual_violence", "sexual_abuse"), HIGH, SUBACUTE, null,
          "sexual_violence", "sexual_abuse"),
      Rung.of("intimate images shared without consent", in -> in.has("non_consensual_image_sharing"), HIGH,
          SUBACUTE, "non_consensual_intimate_image_sharing", "non_consensual_image_sharing"));

  @Override
  public Grade grade(LadderInput in) {
    Grade grade = Rung.climb(FRAMEWORK, in, RUNGS);
    if (grade.isNone() || !grade.clinicalTypes().isEmpty()) {
      return grade;
    }
    return grade.withClinicalTypes(List.of(in.inContext(Contexts.PARTNER) ? "domestic_violence_sexual"
        : "sexual_assault"));
  }
}
