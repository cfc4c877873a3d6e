package dev.lifeguard.assessment.evidence;

import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Subject;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of a pattern table: the names it is evidence of, their kind (and risk type), whom it
 * concerns, its flags and the compiled pattern. {@code where} names the file and line, for errors.
 */
record PatternRow(List<String> names, EvidenceKind kind, RiskType type, Subject subject, Set<String> flags,
    Pattern pattern, String language, String where) {

  /** A historical fact by nature ("i tried to kill myself before"): a past cue makes it HISTORICAL, not PAST. */
  static final String FLAG_HISTORY = "history";
  /** Happening now: the phrase itself makes the risk immediate. */
  static final String FLAG_NOW = "now";
  /** Often hyperbole ("kms", "gonna kill him"): a humour cue without a sincerity cue makes it figurative. */
  static final String FLAG_HYPERBOLE = "hyperbole";

  /** The declared subject stands; grammar does not re-attribute it. */
  static final String FLAG_FIXED = "fixed";

  boolean flagged(String flag) {
    return flags.contains(flag);
  }

  boolean isCue(String name) {
    return kind == EvidenceKind.CONTEXT && names.contains(name);
  }
}
