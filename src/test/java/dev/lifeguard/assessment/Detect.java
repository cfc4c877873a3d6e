package dev.lifeguard.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lifeguard.assessment.evidence.Evidence;
import dev.lifeguard.assessment.evidence.EvidenceDetector;
import dev.lifeguard.assessment.evidence.EvidenceKind;
import dev.lifeguard.assessment.evidence.Modality;
import dev.lifeguard.taxonomy.Subject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Test helpers over the pattern detectors: what a single message yields. */
final class Detect {
  private Detect() {}

  static List<Evidence> scan(String text) {
    return EvidenceDetector.standard().scan(text);
  }

  /** Names of the asserted (counted) risk, modifier and protective evidence. */
  static Set<String> asserted(String text) {
    Set<String> names = new TreeSet<>();
    scan(text).stream().filter(e -> e.kind() != EvidenceKind.CONTEXT && e.asserted()).forEach(e -> names.add(e.name()));
    return names;
  }

  static Evidence find(String text, String feature) {
    return scan(text).stream().filter(e -> e.name().equals(feature)).findFirst()
        .orElseGet(() -> fail("no " + feature + " in: " + text + " -> " + scan(text)));
  }

  static void assertFinds(String feature, String... texts) {
    for (String text : texts) {
      assertTrue(asserted(text).contains(feature), feature + " not found in: " + text + " -> " + scan(text));
    }
  }

  static void assertNoRiskIn(String... texts) {
    for (String text : texts) {
      List<Evidence> counted = scan(text).stream().filter(e -> e.kind() == EvidenceKind.RISK && e.asserted()).toList();
      assertTrue(counted.isEmpty(), "risk counted in: " + text + " -> " + counted);
    }
  }

  /** The feature is seen, but with this modality, so it is not counted. */
  static void assertSeenAs(Modality modality, String feature, String... texts) {
    for (String text : texts) {
      Evidence e = find(text, feature);
      assertTrue(e.has(modality), feature + " should be " + modality + " in: " + text + " -> " + e);
      assertFalse(e.asserted(), text);
    }
  }

  static void assertSubject(Subject subject, String feature, String... texts) {
    for (String text : texts) {
      assertEquals(subject, find(text, feature).subject(), text);
    }
  }
}
