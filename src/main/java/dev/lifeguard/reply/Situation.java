package dev.lifeguard.reply;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.Risk;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Subject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one risk a reply addresses and how to speak to its author: who they are relative to the harm
 * (stance), what kind of harm (family) and how urgent (band).
 */
record Situation(Stance stance, Family family, Band band, Risk risk) {

  /** Features that make the speaker the source of a risk to someone else, not a witness of it. */
  private static final Set<String> ENCOURAGEMENT = Set.of("harm_encouragement", "dangerous_challenge_content");

  /** Who the speaker is relative to the harm. */
  enum Stance {
    /** The speaker is the person at risk (or we cannot tell, and safety comes first). */
    AT_RISK,
    /** The speaker is worried about someone else. */
    BYSTANDER,
    /** The speaker is urging someone else to hurt themselves. */
    ENCOURAGING,
    /** The speaker may hurt someone else. */
    THREATENING;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Encouraging and threatening share the "harm source" wording outside their opening lines. */
    String group() {
      return this == ENCOURAGING || this == THREATENING ? "harm_source" : key();
    }
  }

  /** Risk types grouped by the kind of reply they need. */
  enum Family {
    SELF_HARM, VIOLENCE, ABUSE, SAFEGUARDING;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Family of(RiskType type, Subject subject) {
      return switch (type) {
        case SUICIDE, SELF_HARM, SELF_NEGLECT -> SELF_HARM;
        // Violence aimed at the speaker makes them a victim: belief and safety, like abuse.
        case VIOLENCE -> subject == Subject.SELF ? ABUSE : VIOLENCE;
        case ABUSE, SEXUAL_VIOLENCE, STALKING -> ABUSE;
        case NEGLECT, EXPLOITATION -> SAFEGUARDING;
      };
    }
  }

  /** Severity as the wording needs it: high and critical both call for safety now. */
  enum Band {
    MILD, MODERATE, HIGH;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Band of(Severity severity, Imminence imminence) {
      if (severity.atLeast(Severity.HIGH) || imminence.atLeast(Imminence.URGENT)) {
        return HIGH;
      }
      return severity == Severity.MODERATE ? MODERATE : MILD;
    }
  }

  /**
   * The speaker's own risk when it is at least moderate or nothing else is more serious (their
   * safety comes first); otherwise the most serious risk. Empty when nothing is at risk.
   */
  static Optional<Situation> of(Assessment a) {
    Optional<Risk> own = a.risksOf(Subject.SELF).stream().findFirst();
    Optional<Risk> top = a.primaryRisk().filter(r -> r.severity() != Severity.NONE);
    if (top.isEmpty()) {
      return Optional.empty();
    }
    Risk focus = own.filter(r -> r.severity().atLeast(Severity.MODERATE) || r.severity().atLeast(top.get().severity()))
        .orElse(top.get());
    return Optional.of(new Situation(stance(focus), Family.of(focus.type(), focus.subject()),
        Band.of(focus.severity(), focus.imminence()), focus));
  }

  private static Stance stance(Risk r) {
    if (r.features().stream().anyMatch(f -> ENCOURAGEMENT.contains(f.name()))) {
      return Stance.ENCOURAGING;
    }
    if (r.type() == RiskType.VIOLENCE && r.subject() != Subject.SELF) {
      return Stance.THREATENING;
    }
    return r.subject() == Subject.OTHER ? Stance.BYSTANDER : Stance.AT_RISK;
  }

  /** Whether the speaker is the one whose safety is at stake right now. */
  boolean speakerAtRisk() {
    return stance == Stance.AT_RISK;
  }
}
