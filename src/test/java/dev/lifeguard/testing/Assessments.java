package dev.lifeguard.testing;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.Communication;
import dev.lifeguard.assessment.FeatureEvidence;
import dev.lifeguard.assessment.LegalFlags;
import dev.lifeguard.assessment.PresentationModifiers;
import dev.lifeguard.assessment.Protection;
import dev.lifeguard.assessment.Risk;
import dev.lifeguard.assessment.SafeguardingFlags;
import dev.lifeguard.assessment.Signals;
import dev.lifeguard.taxonomy.Domain;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Subject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built assessments for routing tests, which must not depend on what the classifier judges. */
public final class Assessments {
  private Assessments() {}

  public static Assessment of(Risk... risks) {
    return new Assessment(Arrays.asList(risks), new Communication(List.of(), 0, 0.5, "en"), Protection.none(),
        LegalFlags.none(), SafeguardingFlags.none(), PresentationModifiers.none(),
        new Signals(Map.of(), Map.of(), 0), List.of(), List.of(), risks.length == 0 ? "No significant risks detected" : "test",
        0.8);
  }

  public static Risk risk(RiskType type, Subject subject, Severity severity, Imminence imminence, String... features) {
    Domain domain = subject == Subject.OTHER && (type == RiskType.VIOLENCE) ? Domain.OTHERS
        : type == RiskType.ABUSE || type == RiskType.SEXUAL_VIOLENCE || type == RiskType.STALKING || type == RiskType.EXPLOITATION
            ? Domain.VICTIMISATION : type == RiskType.NEGLECT ? Domain.DEPENDENT_AT_RISK : Domain.SELF;
    return new Risk(type, subject, severity, imminence, 0.9, 0.9,
        Arrays.stream(features).map(f -> new FeatureEvidence(f, List.of())).toList(), List.of(), domain, Optional.empty(),
        Risk.MODEL_ONLY);
  }
}
