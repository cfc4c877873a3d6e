package dev.lifeguard.assessment.ladder;

import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One rung of a clinical ladder: when its condition holds, the risk is at least this severe and this
 * imminent. {@code drivers} are the features that make the rung explainable.
 */
record Rung(String description, Predicate<LadderInput> when, Severity severity, Imminence imminence,
    String clinicalType, List<String> drivers) {

  static Rung of(String description, Predicate<LadderInput> when, Severity severity, Imminence imminence,
      String clinicalType, String... drivers) {
    return new Rung(description, when, severity, imminence, clinicalType, List.of(drivers));
  }

  /** The first (highest) rung that holds, as a grade; none when no rung holds. */
  static Grade climb(String framework, LadderInput in, List<Rung> rungs) {
    for (Rung rung : rungs) {
      if (rung.when.test(in)) {
        List<String> drivers = new ArrayList<>();
        rung.drivers.stream().filter(in::has).forEach(drivers::add);
        List<String> types = rung.clinicalType == null ? List.of() : List.of(rung.clinicalType);
        return new Grade(rung.severity, rung.imminence, types, drivers, framework);
      }
    }
    return Grade.none(framework);
  }
}
