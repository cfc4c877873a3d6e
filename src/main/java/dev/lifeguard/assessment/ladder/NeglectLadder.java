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
 * Neglect of dependants: a child left without food or care is urgent; unmet needs of others and
 * caregiver incapacity are a clear concern; cruelty to animals is a recognised warning sign.
 */
final class NeglectLadder implements Ladder {
  static final String FRAMEWORK = "safeguarding (child / adult at risk)";
  private static final String[] UNMET = {"abandonment", "basic_needs_unmet"};

  private static final List<Rung> RUNGS = List.of(
      Rung.of("in danger right now", in -> in.has("immediate_danger"), CRITICAL, EMERGENCY, null,
          "immediate_danger", "abandonment"),
      Rung.of("a child left without basic needs", in -> in.hasAny(UNMET) && child(in), HIGH, URGENT, null, UNMET),
      Rung.of("basic needs unmet", in -> in.hasAny(UNMET), MODERATE, SUBACUTE, null, UNMET),
      Rung.of("neglect or caregiver incapacity", in -> in.hasAny("neglect", "parental_incapacity", "medical_neglect"),
          MODERATE, SUBACUTE, null, "neglect", "parental_incapacity", "medical_neglect"),
      Rung.of("cruelty to animals", in -> in.has("animal_cruelty_indicator"), MODERATE, CHRONIC, "animal_abuse",
          "animal_cruelty_indicator"));

  @Override
  public Grade grade(LadderInput in) {
    Grade grade = Rung.climb(FRAMEWORK, in, RUNGS);
    if (grade.isNone() || !grade.clinicalTypes().isEmpty()) {
      return grade;
    }
    List<String> types = new ArrayList<>();
    if (in.inContext(Contexts.VULNERABLE_ADULT) && !child(in)) {
      types.add(in.subject() == Subject.SELF ? "vulnerable_adult_neglect" : "elder_neglect");
    } else {
      types.add("child_neglect");
      if (in.has("medical_neglect")) {
        types.add("medical_neglect");
      }
    }
    return grade.withClinicalTypes(types);
  }

  /** The neglected person is a child: stated, or the speaker describes their own carers. */
  private static boolean child(LadderInput in) {
    return in.childInvolved() || in.subject() == Subject.SELF && !in.inContext(Contexts.VULNERABLE_ADULT);
  }
}
