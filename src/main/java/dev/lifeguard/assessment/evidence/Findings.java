package dev.lifeguard.assessment.evidence;

import dev.lifeguard.taxonomy.RiskType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Everything the detectors found in a conversation: evidence in message order (including negated,
 * hypothetical and other non-asserted detections, so that views can explain them), and the speaker's
 * stated age if any.
 */
public record Findings(List<Evidence> evidence, OptionalInt speakerAge) {

  public Findings {
    evidence = List.copyOf(evidence);
  }

  public List<Evidence> where(Predicate<Evidence> filter) {
    return evidence.stream().filter(filter).toList();
  }

  /** Asserted evidence of one kind. */
  public List<Evidence> asserted(EvidenceKind kind) {
    return where(e -> e.kind() == kind && e.asserted());
  }

  /** Asserted risk evidence for one risk type. */
  public List<Evidence> asserted(RiskType type) {
    return where(e -> e.type() == type && e.asserted());
  }

  /** True when an asserted context marker of this name was found ({@code partner}, {@code humor}…). */
  public boolean hasContext(String name) {
    return evidence.stream().anyMatch(e -> e.kind() == EvidenceKind.CONTEXT && e.name().equals(name) && e.asserted());
  }

  /** True when any asserted evidence (of any kind) carries this name. */
  public boolean hasAsserted(String name) {
    return evidence.stream().anyMatch(e -> e.name().equals(name) && e.asserted());
  }

  public boolean speakerIsMinor() {
    return speakerAge.isPresent() && speakerAge.getAsInt() < AgeStatements.ADULT;
  }

  /** How many risk and modifier phrases matched in each non-English language table. */
  public Map<String, Integer> languageVotes() {
    Map<String, Integer> votes = new HashMap<>();
    for (Evidence e : evidence) {
      if (e.kind() != EvidenceKind.CONTEXT && LanguageIdentifier.LANGUAGES.contains(e.language())) {
        votes.merge(e.language(), 1, Integer::sum);
      }
    }
    return votes;
  }
}
