package dev.lifeguard.assessment.ladder;

import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.Severity;
import java.util.List;

/**
 * A ladder's verdict: the severity and imminence floors the features justify, the clinical risk
 * types they amount to, the features that decided the rung, and the framework that was applied.
 */
public record Grade(Severity severity, Imminence imminence, List<String> clinicalTypes, List<String> drivers,
    String framework) {

  public Grade {
    clinicalTypes = List.copyOf(clinicalTypes);
    drivers = List.copyOf(drivers);
    if (severity == Severity.NONE) {
      imminence = Imminence.NOT_APPLICABLE;
    } else if (imminence == Imminence.NOT_APPLICABLE) {
      imminence = Imminence.CHRONIC;
    }
  }

  public static Grade none(String framework) {
    return new Grade(Severity.NONE, Imminence.NOT_APPLICABLE, List.of(), List.of(), framework);
  }

  public boolean isNone() {
    return severity == Severity.NONE;
  }

  Grade withImminence(Imminence newImminence) {
    return new Grade(severity, newImminence, clinicalTypes, drivers, framework);
  }

  Grade withSeverity(Severity newSeverity) {
    return new Grade(newSeverity, imminence, clinicalTypes, drivers, framework);
  }

  Grade withClinicalTypes(List<String> types) {
    return new Grade(severity, imminence, types, drivers, framework);
  }
}
