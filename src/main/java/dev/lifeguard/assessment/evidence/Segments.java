package dev.lifeguard.assessment.evidence;

import java.util.List;

/**
 * Sentence and clause boundaries of a folded message. Sentences end at . ! ? … and line breaks;
 * clauses also at , ; : ( ) and at clause-break words ("but", "though", "pero", "mais"…).
 */
final class Segments {
  private static final String SENTENCE_ENDS = ".!?\n\u2026";
  private static final String CLAUSE_ENDS = ",;:()";

  private final String text;
  private final boolean[] clauseBreak;

  Segments(String text, List<Hit> clauseBreakWords) {
    this.text = text;
    this.clauseBreak = new boolean[text.length()];
    for (int i = 0; i < text.length(); i++) {
      clauseBreak[i] = isSentenceEnd(i) || CLAUSE_ENDS.indexOf(text.charAt(i)) >= 0;
    }
    for (Hit word : clauseBreakWords) {
      for (int i = word.start(); i < word.end(); i++) {
        clauseBreak[i] = true;
      }
    }
  }

  private boolean isSentenceEnd(int i) {
    char c = text.charAt(i);
    if (SENTENCE_ENDS.indexOf(c) < 0) {
      return false;
    }
    // "3.5 mg" or "u.s." is not a sentence end
    return !(c == '.' && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1)));
  }

  int sentenceStart(int pos) {
    int i = Math.min(pos, text.length()) - 1;
    while (i >= 0 && !isSentenceEnd(i)) {
      i--;
    }
    return i + 1;
  }

  int sentenceEnd(int pos) {
    int i = pos;
    while (i < text.length() && !isSentenceEnd(i)) {
      i++;
    }
    return i;
  }

  int clauseStart(int pos) {
    int i = Math.min(pos, text.length()) - 1;
    while (i >= 0 && !clauseBreak[i]) {
      i--;
    }
    return i + 1;
  }

  int clauseEnd(int pos) {
    int i = Math.max(0, pos);
    while (i < text.length() && !clauseBreak[i]) {
      i++;
    }
    return i;
  }

  /** Number of words in [from, to): the distance between a cue and what it governs. */
  int wordsBetween(int from, int to) {
    int words = 0;
    boolean inWord = false;
    for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '\'';
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return words;
  }
}
