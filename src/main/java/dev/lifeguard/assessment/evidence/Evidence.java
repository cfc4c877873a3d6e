package dev.lifeguard.assessment.evidence;

import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Subject;
import java.util.EnumSet;
import java.util.Set;

/**
 * One detection: a feature (or factor, or context marker) found at a span, with who it concerns and
 * how it was meant. {@code type} is set for {@link EvidenceKind#RISK} only; {@code immediate} marks
 * phrases about right now ("the pills are in front of me", "he's outside").
 */
public record Evidence(String name, EvidenceKind kind, RiskType type, Subject subject, Span span,
    Set<Modality> modalities, boolean immediate, String language) {

  public Evidence {
    modalities = modalities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modalities));
  }

  /** Stated as a current, real fact: no negation, hypothesis, past, fiction, figure of speech or retraction. */
  public boolean asserted() {
    return modalities.stream().noneMatch(Modality::suppresses);
  }

  public boolean has(Modality modality) {
    return modalities.contains(modality);
  }

  public int message() {
    return span.message();
  }

  public Evidence withModality(Modality modality) {
    EnumSet<Modality> set = modalities.isEmpty() ? EnumSet.noneOf(Modality.class) : EnumSet.copyOf(modalities);
    set.add(modality);
    return new Evidence(name, kind, type, subject, span, set, immediate, language);
  }

  /** The same detection, placed in another message (scans are cached per text, not per position). */
  public Evidence inMessage(int index) {
    return index == span.message() ? this : new Evidence(name, kind, type, subject,
        new Span(index, span.start(), span.end()), modalities, immediate, language);
  }

  public Evidence withSubject(Subject newSubject) {
    return new Evidence(name, kind, type, newSubject, span, modalities, immediate, language);
  }

  @Override
  public String toString() {
    return name + (type == null ? "" : "/" + type.wireName()) + (subject == null ? "" : "@" + subject.wireName())
        + modalities + " m" + span.message() + "[" + span.start() + "," + span.end() + ")";
  }
}
