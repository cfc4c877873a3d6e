package dev.lifeguard.assessment.evidence;

/**
 * How a phrase is meant, when it is not a plain first-hand present-tense statement. Every modality
 * except {@link #REPORTED} and {@link #HISTORICAL} means the phrase is not asserted as a current real risk.
 */
public enum Modality {
  /** "i'm not going to kill myself", "i'd never hurt myself". */
  NEGATED,
  /** "what if someone…", "asking for a friend", "hypothetically". */
  HYPOTHETICAL,
  /** Resolved or historical: "back when i was 15…", "3 years clean". */
  PAST,
  /**
   * A past event disclosed as history ("he choked me two years ago", "i attempted at 16"): it still
   * counts as a feature, but not as something happening now. Not suppressing.
   */
  HISTORICAL,
  /** Inside quoted speech of someone else: "he said 'i'll kill you'". Still asserted, about them. */
  REPORTED,
  /**
   * Said to the speaker by someone else: "my mom says i should kill myself", "kids keep telling me to
   * kys". The speaker is the one told, not the one who means it; the telling itself is abuse, which
   * the tables read as such.
   */
  DIRECTED,
  /** Story, role-play, poem or game framing: "in my story the character…". */
  FICTION,
  /** Figure of speech or hyperbole: "kill the process", "dying of laughter", "gonna kms lol" about homework. */
  FIGURATIVE,
  /** Taken back later in the conversation: "jk i meant the exam". */
  RETRACTED;

  /** True when this modality stops a phrase from counting as a current, real risk statement. */
  public boolean suppresses() {
    return this != REPORTED && this != HISTORICAL;
  }
}
