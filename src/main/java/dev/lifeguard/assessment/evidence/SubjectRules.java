package dev.lifeguard.assessment.evidence;

import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Subject;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a phrase is about. A first-person row ("want to die") is about the speaker unless the nearest
 * person before it is someone else ("my friend says she wants to die"). Words inside someone else's
 * quoted speech belong to them: "i" in the quote is that person, "you" is usually the speaker.
 */
final class SubjectRules {
  private static final Pattern SECOND_PERSON = Pattern.compile("(?<![\\p{L}])(?:you|u|ya|te|tu|toi|dich|du|ti)(?![\\p{L}])");
  private static final Set<String> ENCOURAGEMENT = Set.of("harm_encouragement",
      "dangerous_challenge_content");
  /** Object pronouns: the one spoken to, not the one speaking. */
  private static final Set<String> OBJECTS = Set.of("me", "us", "mich", "mir", "moi", "mi");
  private static final Pattern KILLING = Pattern.compile("kill|murder|dead|mato|matar|tuer|tue|umbring|ammazz|uccid");

  private SubjectRules() {}

  /** The subject of a self row in context; rows about others keep theirs. */
  static Subject resolve(Hit hit, MessageContext ctx) {
    Subject declared = hit.row().subject();
    if (declared != Subject.SELF || !resolvable(hit.row())) {
      return declared;
    }
    if (ctx.hasWithin(Cues.FIRST_PERSON, hit.start(), hit.end())) {
      return Subject.SELF;
    }
    if (ctx.hasWithin(Cues.THIRD_PERSON, hit.start(), hit.end())) {
      return Subject.OTHER;
    }
    int clause = ctx.segments.clauseStart(hit.start());
    Hit nearest = nearestPerson(ctx, clause, hit.start());
    if (nearest == null) {
      nearest = nearestPerson(ctx, ctx.sentenceStart(hit), hit.start());
    }
    return nearest != null && nearest.row().names().contains(Cues.THIRD_PERSON) ? Subject.OTHER : Subject.SELF;
  }

  /**
   * Grammar decides the subject of self-directed phrases and of modifiers; rows about abuse declare
   * the victim themselves ("he has a gun" still concerns the speaker's safety), as do rows flagged
   * {@code ~fixed}.
   */
  private static boolean resolvable(PatternRow row) {
    if (row.flagged(PatternRow.FLAG_FIXED)) {
      return false;
    }
    return row.type() == null ? row.kind() != EvidenceKind.CONTEXT : row.type().selfDirected();
  }

  /** True when the phrase sits in quotes that someone other than the speaker said or wrote. */
  static boolean reportedByOther(Hit hit, MessageContext ctx) {
    for (Quotes.Region quote : ctx.quotes) {
      if (quote.contains(hit.start(), hit.end())) {
        int sentence = ctx.segments.sentenceStart(Math.max(0, quote.start() - 1));
        Hit speaker = nearestReporter(ctx, sentence, quote.start() - 1);
        return speaker != null && speaker.row().names().contains(Cues.THIRD_PERSON);
      }
    }
    return false;
  }

  /**
   * Re-attributes a phrase quoted from someone else: their "i want to die" puts them at risk; their
   * "i'll kill you" is a threat against the speaker.
   */
  static List<Evidence> reattribute(Evidence e, String matched) {
    RiskType type = e.type();
    if (type == null) {
      return List.of(e);
    }
    if (ENCOURAGEMENT.contains(e.name())) {
      return List.of(); // someone else's "kys", reported by the speaker: harassment, not the speaker's encouragement
    }
    if (type != RiskType.VIOLENCE) {
      return List.of(e.subject() == Subject.SELF ? e.withSubject(Subject.OTHER) : e);
    }
    if (e.name().equals("identifiable_victim")) {
      return List.of();
    }
    Subject victim = SECOND_PERSON.matcher(matched).find() ? Subject.SELF : Subject.OTHER;
    String name = KILLING.matcher(matched).find() ? "threats_to_kill" : e.name();
    return List.of(new Evidence(name, e.kind(), RiskType.ABUSE, victim, e.span(), e.modalities(), e.immediate(),
        e.language()));
  }

  /** The nearest person before a quote who could have said it: "he sent me '…'" was said by him, not me. */
  private static Hit nearestReporter(MessageContext ctx, int from, int to) {
    Hit best = null;
    for (String cue : List.of(Cues.FIRST_PERSON, Cues.THIRD_PERSON)) {
      for (Hit h : ctx.cues(cue)) {
        boolean object = OBJECTS.contains(ctx.text.substring(h.start(), h.end()));
        if (!object && h.start() >= from && h.end() <= to && (best == null || h.end() > best.end()
            || (h.end() == best.end() && h.length() > best.length()))) {
          best = h;
        }
      }
    }
    return best;
  }

  private static Hit nearestPerson(MessageContext ctx, int from, int to) {
    Hit best = null;
    for (String cue : List.of(Cues.FIRST_PERSON, Cues.THIRD_PERSON)) {
      for (Hit h : ctx.cues(cue)) {
        if (h.start() >= from && h.end() <= to && (best == null || h.end() > best.end()
            || (h.end() == best.end() && h.length() > best.length()))) {
          best = h;
        }
      }
    }
    return best;
  }
}
