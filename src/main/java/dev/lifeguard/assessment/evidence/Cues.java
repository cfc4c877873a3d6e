package dev.lifeguard.assessment.evidence;

import java.util.Set;

/** Names of the context rows that steer interpretation rather than describe the situation. */
final class Cues {
  private Cues() {}

  static final String NEGATION = "negation";
  /** Looks like a negation but is not one: "can't stop", "not sure", "not like". */
  static final String PSEUDO_NEGATION = "pseudo_negation";
  static final String CLAUSE_BREAK = "clause_break";
  static final String HYPOTHETICAL = "hypothetical";
  /** Frames the whole message: "asking for a friend". */
  static final String HYPOTHETICAL_MESSAGE = "hypothetical_message";
  static final String PAST = "past";
  /** Brings a sentence back to now: "again", "still", "tonight". */
  static final String PRESENT = "present";
  /** Recovery framing for the whole message: "3 years clean". */
  static final String RECOVERY = "recovery";
  /** Undoes a recovery frame: "relapsed", "again". */
  static final String RELAPSE = "relapse";
  /** Frames the whole message as history: "that was 12 years ago". */
  static final String PAST_MESSAGE = "past_message";
  /** A trivial cause that marks a threat as hyperbole: "he took the last donut". */
  static final String TRIVIAL = "trivial";
  static final String FICTION = "fiction";
  /** Leaves a fiction frame: "ooc", "this is actually about me". */
  static final String FICTION_BREAK = "fiction_break";
  static final String FIGURATIVE = "figurative";
  static final String HUMOR = "humor";
  /** Overrides humour: "not joking", "fr though". */
  static final String SINCERE = "sincere";
  /** Takes back something said earlier: "jk", "i meant the exam". */
  static final String RETRACTION = "retraction";
  /** Someone else tells the speaker to do it: "my mom says i should", "they keep telling me to". */
  static final String DIRECTED = "directed";
  static final String FIRST_PERSON = "first_person";
  static final String THIRD_PERSON = "third_person";

  /** Grammar cues that are not reported as context evidence. */
  static final Set<String> GRAMMAR = Set.of(NEGATION, PSEUDO_NEGATION, CLAUSE_BREAK, PRESENT, DIRECTED, FIRST_PERSON,
      THIRD_PERSON);

  /** Framing cues: reported as context, but never themselves negated or attributed. */
  static final Set<String> FRAMING = Set.of(HYPOTHETICAL, HYPOTHETICAL_MESSAGE, PAST, PAST_MESSAGE, RECOVERY,
      RELAPSE, FICTION, FICTION_BREAK, FIGURATIVE, HUMOR, SINCERE, RETRACTION, TRIVIAL);
}
