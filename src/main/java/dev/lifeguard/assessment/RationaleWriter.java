package dev.lifeguard.assessment;

import dev.lifeguard.assessment.evidence.Evidence;
import dev.lifeguard.assessment.evidence.EvidenceKind;
import dev.lifeguard.assessment.evidence.Findings;
import dev.lifeguard.assessment.evidence.Modality;
import dev.lifeguard.taxonomy.Subject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A short rationale that cites features, never message text: one sentence per risk, the protective
 * factors, and what was seen but not counted (negated, hypothetical, past, fictional, figurative).
 */
final class RationaleWriter {
  static final String NO_RISK = "No significant risks detected";

  private RationaleWriter() {}

  static String write(List<Risk> risks, Protection protection, Findings findings) {
    StringBuilder out = new StringBuilder();
    for (Risk r : risks) {
      out.append(sentence(r)).append(' ');
    }
    if (risks.isEmpty()) {
      out.append(NO_RISK).append(". ");
    }
    if (!protection.factors().isEmpty()) {
      out.append("Protective factors (").append(protection.strength().wireName()).append("): ")
          .append(String.join(", ", protection.names())).append(". ");
    }
    String ignored = notCounted(findings);
    if (!ignored.isEmpty()) {
      out.append("Not counted: ").append(ignored).append('.');
    }
    return out.toString().trim();
  }

  private static String sentence(Risk r) {
    String who = r.subject() == Subject.SELF ? "the speaker" : r.subject() == Subject.OTHER ? "someone else"
        : "an unclear subject";
    String head = capitalise(r.type().wireName().replace('_', ' ')) + " risk to " + who + ", "
        + r.severity().wireName() + " and " + r.imminence().wireName().replace('_', ' ');
    if (r.modelOnly()) {
      return head + ", from the model's reading (no explicit phrases).";
    }
    String types = r.clinicalTypes().isEmpty() ? "" : "; " + r.framework() + ": " + String.join(", ", r.clinicalTypes());
    return head + ": " + String.join(", ", r.featureNames()) + types + ".";
  }

  private static String notCounted(Findings findings) {
    Set<String> items = new LinkedHashSet<>();
    for (Evidence e : findings.evidence()) {
      if (e.kind() != EvidenceKind.CONTEXT && e.kind() != EvidenceKind.PROTECTIVE && !e.asserted()) {
        String why = e.modalities().stream().filter(Modality::suppresses).map(m -> m.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining("/"));
        items.add(e.name() + " (" + why + ")");
      }
    }
    return String.join(", ", items);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
