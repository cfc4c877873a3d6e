package dev.lifeguard.assessment.ladder;

import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import java.util.EnumMap;
import java.util.Map;

/**
 * A clinical ladder: grades the features of one risk into severity and imminence floors, so that
 * every result can be explained by the features that reached its rung.
 */
public interface Ladder {

  Grade grade(LadderInput input);

  /** The framework each risk type is graded with. */
  static Ladder forType(RiskType type) {
    return Registry.LADDERS.get(type);
  }

  /** Grades with the type's ladder, then applies the rules shared by all frameworks. */
  static Grade assess(LadderInput input) {
    Grade grade = forType(input.type()).grade(input);
    if (grade.isNone()) {
      return grade;
    }
    if (input.onlyHistorical()) {
      // a disclosed past event: still a concern, no longer acute
      return grade.withSeverity(grade.severity().lowered(Severity.MILD)).withImminence(Imminence.CHRONIC);
    }
    if (input.immediate() && grade.severity().atLeast(Severity.HIGH)) {
      return grade.withImminence(Imminence.EMERGENCY);
    }
    return grade;
  }

  final class Registry {
    private Registry() {}

    static final Map<RiskType, Ladder> LADDERS = new EnumMap<>(Map.of(
        RiskType.SUICIDE, new SuicideLadder(),
        RiskType.SELF_HARM, new SelfHarmLadder(),
        RiskType.SELF_NEGLECT, new SelfNeglectLadder(),
        RiskType.VIOLENCE, new ViolenceLadder(),
        RiskType.ABUSE, new AbuseLadder(),
        RiskType.SEXUAL_VIOLENCE, new SexualViolenceLadder(),
        RiskType.NEGLECT, new NeglectLadder(),
        RiskType.EXPLOITATION, new ExploitationLadder(),
        RiskType.STALKING, new StalkingLadder()));
  }
}
