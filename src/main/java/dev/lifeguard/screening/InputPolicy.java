package dev.lifeguard.screening;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.Risk;
import dev.lifeguard.config.ScreeningConfig;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Subject;

/**
 * The operator's decision table applied to a conversation's assessment. The speaker's own risk
 * decides; a risk whose subject is unclear counts as the speaker's (the safer reading); when only
 * someone else is at risk (moderate or above), the third-party action applies.
 */
public final class InputPolicy {
  private InputPolicy() {}

  /** What to do, and what the {@code X-NOPE-Risk-Level} and {@code X-NOPE-Confidence} headers say. */
  public record Decision(Action action, Severity level, double confidence) {}

  public static Decision decide(Assessment a, ScreeningConfig config) {
    Severity speaker = a.risks().stream().filter(r -> r.subject() != Subject.OTHER).map(Risk::severity)
        .max(Enum::compareTo).orElse(Severity.NONE);
    Action action = forSeverity(speaker, config);
    boolean thirdParty = a.risksOf(Subject.OTHER).stream().anyMatch(r -> r.severity().atLeast(Severity.MODERATE));
    if (thirdParty && rank(config.onThirdParty()) > rank(action)) {
      action = config.onThirdParty();
    }
    return new Decision(action, a.overallSeverity(), a.confidence());
  }

  static Action forSeverity(Severity s, ScreeningConfig c) {
    return switch (s) {
      case NONE -> c.onNone();
      case MILD -> c.onMild();
      case MODERATE -> c.onModerate();
      case HIGH -> c.onHigh();
      case CRITICAL -> c.onCritical();
    };
  }

  /** The stronger of two actions: replace over augment over bystander guidance over pass. */
  public static Action stronger(Action a, Action b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(Action a) {
    return switch (a) {
      case PASS -> 0;
      case BYSTANDER -> 1;
      case AUGMENT -> 2;
      case REPLACE -> 3;
    };
  }
}
