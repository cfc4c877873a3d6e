package dev.lifeguard.assessment.evidence;

import java.util.EnumSet;
import java.util.Set;

/**
 * Decides how a matched phrase is meant, from the cues around it (NegEx-style scopes):
 * negation governs a few words before the phrase in its clause; hypothesis and past tense govern
 * the sentence; "asking for a friend", recovery and fiction framing govern the message.
 */
final class ModalityRules {
  /** Words a negation reaches forward: "i would never ever hurt myself" is four words away. */
  static final int NEGATION_REACH = 5;
  /** Words between someone's instruction and the phrase it introduces: "told me to go kill myself". */
  static final int DIRECTED_REACH = 1;
  /** Row flag: hypothetical or fictional framing does not excuse it (method questions). */
  static final String FLAG_PERSIST = "persist";

  private ModalityRules() {}

  static Set<Modality> of(Hit hit, MessageContext ctx) {
    EnumSet<Modality> found = EnumSet.noneOf(Modality.class);
    boolean persist = hit.row().flagged(FLAG_PERSIST);
    if (negated(hit, ctx)) {
      found.add(Modality.NEGATED);
    }
    if (!persist && hypothetical(hit, ctx)) {
      found.add(Modality.HYPOTHETICAL);
    }
    if (past(hit, ctx)) {
      found.add(hit.row().flagged(PatternRow.FLAG_HISTORY) ? Modality.HISTORICAL : Modality.PAST);
    }
    if (!persist && ctx.has(Cues.FICTION) && !ctx.has(Cues.FICTION_BREAK)) {
      found.add(Modality.FICTION);
    }
    if (ctx.overlaps(Cues.FIGURATIVE, hit.start(), hit.end())) {
      found.add(Modality.FIGURATIVE);
    }
    if (hit.row().type() != null && hit.row().type().selfDirected() && directed(hit, ctx)) {
      found.add(Modality.DIRECTED);
    }
    if (SubjectRules.reportedByOther(hit, ctx)) {
      found.add(Modality.REPORTED);
    }
    return found;
  }

  private static boolean negated(Hit hit, MessageContext ctx) {
    int clause = ctx.segments.clauseStart(hit.start());
    for (Hit cue : ctx.cues(Cues.NEGATION)) {
      boolean before = cue.end() <= hit.start() && cue.start() >= clause;
      if (before && ctx.segments.wordsBetween(cue.end(), hit.start()) <= NEGATION_REACH
          && !ctx.overlaps(Cues.PSEUDO_NEGATION, cue.start(), cue.end())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Someone else's instruction to the speaker ends just before the phrase, in its sentence (not its
   * clause: "sie sagt, ich soll…" puts a comma between the two). Only self-directed harm is read this
   * way: "my friends keep telling me to teach him a lesson, i'm considering it" is still the speaker's.
   */
  private static boolean directed(Hit hit, MessageContext ctx) {
    int sentence = ctx.sentenceStart(hit);
    for (Hit cue : ctx.cues(Cues.DIRECTED)) {
      if (cue.start() >= sentence && cue.end() <= hit.start()
          && ctx.segments.wordsBetween(cue.end(), hit.start()) <= DIRECTED_REACH) {
        return true;
      }
    }
    return false;
  }

  private static boolean hypothetical(Hit hit, MessageContext ctx) {
    return ctx.has(Cues.HYPOTHETICAL_MESSAGE)
        || ctx.hasWithin(Cues.HYPOTHETICAL, ctx.sentenceStart(hit), ctx.sentenceEnd(hit));
  }

  private static boolean past(Hit hit, MessageContext ctx) {
    int clause = ctx.segments.clauseStart(hit.start());
    int sentenceEnd = ctx.sentenceEnd(hit);
    int clauseEnd = Math.min(sentenceEnd, ctx.segments.clauseEnd(hit.end()));
    boolean recovery = ctx.has(Cues.RECOVERY) && (hit.row().type() == null || hit.row().type().selfDirected());
    if (recovery && !ctx.hasWithin(Cues.RELAPSE, ctx.sentenceStart(hit), sentenceEnd)) {
      return true;
    }
    boolean present = ctx.cues(Cues.PRESENT).stream().anyMatch(c -> c.within(clause, clauseEnd)
        && !ctx.overlaps(Cues.RECOVERY, c.start(), c.end()) && !ctx.overlaps(Cues.PAST, c.start(), c.end()));
    if (present) {
      return false;
    }
    return ctx.has(Cues.PAST_MESSAGE) || ctx.hasWithin(Cues.PAST, ctx.sentenceStart(hit), sentenceEnd);
  }
}
