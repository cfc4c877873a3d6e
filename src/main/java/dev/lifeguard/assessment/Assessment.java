package dev.lifeguard.assessment;

import dev.lifeguard.assessment.evidence.Evidence;
import dev.lifeguard.taxonomy.Domain;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything Lifeguard concluded about a conversation. Every API view (screen, evaluate, ocular, the
 * proxy's headers, webhooks) is a projection of one Assessment, so they cannot disagree.
 *
 * @param risks        subject × type risks, most severe first
 * @param evidence     every detection, including negated, hypothetical, past or fictional ones that
 *                     were not counted (spans only, never text)
 * @param turns        the state as of each turn, for trajectories
 * @param rationale    a short explanation that cites the features (no message text)
 * @param confidence   overall confidence in the assessment (0–1; directional)
 */
public record Assessment(List<Risk> risks, Communication communication, Protection protection,
    LegalFlags legalFlags, SafeguardingFlags safeguardingFlags, PresentationModifiers presentationModifiers,
    Signals signals, List<TurnState> turns, List<Evidence> evidence, String rationale, double confidence) {

  /** Most severe first, then most imminent, then most confident. */
  public static final Comparator<Risk> MOST_SERIOUS_FIRST = Comparator.comparing(Risk::severity)
      .thenComparing(Risk::imminence).thenComparingDouble(Risk::confidence).reversed();

  public Assessment {
    List<Risk> sorted = new ArrayList<>(risks);
    sorted.sort(MOST_SERIOUS_FIRST);
    risks = List.copyOf(sorted);
    turns = List.copyOf(turns);
    evidence = List.copyOf(evidence);
  }

  /** Max severity over the speaker's own risks ({@code summary.speaker_severity}). */
  public Severity speakerSeverity() {
    return risksOf(Subject.SELF).stream().map(Risk::severity).max(Comparator.naturalOrder()).orElse(Severity.NONE);
  }

  /** Max imminence over the speaker's own risks ({@code summary.speaker_imminence}). */
  public Imminence speakerImminence() {
    return risksOf(Subject.SELF).stream().map(Risk::imminence).max(Comparator.naturalOrder())
        .orElse(Imminence.NOT_APPLICABLE);
  }

  /** Max severity over all risks, whoever is at risk ({@code global.overall_severity}). */
  public Severity maxSeverity() {
    return risks.isEmpty() ? Severity.NONE : risks.get(0).severity();
  }

  public Severity overallSeverity() {
    return maxSeverity();
  }

  public Imminence overallImminence() {
    return risks.stream().map(Risk::imminence).max(Comparator.naturalOrder()).orElse(Imminence.NOT_APPLICABLE);
  }

  /** Whether someone other than the speaker is at risk ({@code summary.any_third_party_risk}). */
  public boolean anyThirdPartyRisk() {
    return !risksOf(Subject.OTHER).isEmpty();
  }

  public boolean hasRisk() {
    return !risks.isEmpty();
  }

  public List<Risk> risksOf(Subject subject) {
    return risks.stream().filter(r -> r.subject() == subject).toList();
  }

  /** The most serious risk of this type, if any. */
  public Optional<Risk> risk(RiskType type) {
    return risks.stream().filter(r -> r.type() == type).findFirst();
  }

  public Optional<Risk> primaryRisk() {
    return risks.stream().findFirst();
  }

  /** Domains with a risk, most serious first ({@code global.primary_concerns}). */
  public List<Domain> primaryDomains() {
    return risks.stream().map(Risk::domain).distinct().toList();
  }

  /** The risks of one domain of the older view, most serious first. */
  public List<Risk> risksIn(Domain domain) {
    return risks.stream().filter(r -> r.domain() == domain).toList();
  }

  /** Max imminence over one domain's risks (the older view's {@code domains[].imminence}). */
  public Imminence imminenceIn(Domain domain) {
    return risksIn(domain).stream().map(Risk::imminence).max(Comparator.naturalOrder()).orElse(Imminence.NOT_APPLICABLE);
  }

  public String language() {
    return communication.language();
  }
}
