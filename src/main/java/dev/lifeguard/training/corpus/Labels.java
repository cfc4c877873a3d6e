package dev.lifeguard.training.corpus;

import java.util.List;

/**
 * What an annotator said about a message, a user turn (read in context) or a whole conversation.
 * Turn labels may omit the descriptive fields: those are then {@code null}, meaning "not
 * annotated", which training treats as missing rather than negative.
 *
 * @param severity index into {@link Vocabulary#SEVERITIES} (0 = none)
 * @param imminence index into {@link Vocabulary#IMMINENCES} (0 = not applicable)
 */
public record Labels(boolean risk, List<String> types, String subject, int severity, int imminence,
    String style, Boolean fiction, Boolean authentic, List<String> features, List<String> protective,
    Boolean hardNegative, String lang) {

  public Labels {
    types = List.copyOf(types);
    features = features == null ? null : List.copyOf(features);
    protective = protective == null ? null : List.copyOf(protective);
  }
}
