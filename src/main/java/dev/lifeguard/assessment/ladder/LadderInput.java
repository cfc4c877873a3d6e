package dev.lifeguard.assessment.ladder;

import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Subject;
import java.util.Set;

/**
 * What a ladder grades: the asserted features of one risk (type × subject), including aggravating
 * modifiers attached to it, and the context around it.
 *
 * @param related    asserted features of the same subject's other risks (stalking with threats to kill…)
 * @param historical features known only from past events ("he choked me two years ago")
 * @param immediate  some feature is happening right now ("the pills are in front of me")
 * @param contexts   context markers of the conversation ({@code partner}, {@code child}, {@code minor}…)
 */
public record LadderInput(RiskType type, Subject subject, Set<String> features, Set<String> related,
    Set<String> historical, boolean immediate, Set<String> contexts) {

  public LadderInput {
    features = Set.copyOf(features);
    related = Set.copyOf(related);
    historical = Set.copyOf(historical);
    contexts = Set.copyOf(contexts);
  }

  public boolean has(String feature) {
    return features.contains(feature);
  }

  public boolean hasAny(String... names) {
    for (String n : names) {
      if (features.contains(n)) {
        return true;
      }
    }
    return false;
  }

  public int count(String... names) {
    int n = 0;
    for (String name : names) {
      n += features.contains(name) ? 1 : 0;
    }
    return n;
  }

  /** True when the feature is on this risk or on another risk of the same subject. */
  public boolean hasAnywhere(String feature) {
    return features.contains(feature) || related.contains(feature);
  }

  /** True when this feature is present now, not only as history. */
  public boolean current(String feature) {
    return features.contains(feature) && !historical.contains(feature);
  }

  /** True when every feature is known only from the past. */
  public boolean onlyHistorical() {
    return !features.isEmpty() && historical.containsAll(features);
  }

  public boolean inContext(String context) {
    return contexts.contains(context);
  }

  /** A child is involved: the speaker is a minor, or children are the ones at risk. */
  public boolean childInvolved() {
    return inContext(Contexts.SPEAKER_MINOR) && subject == Subject.SELF
        || inContext(Contexts.CHILD) && subject != Subject.SELF;
  }
}
