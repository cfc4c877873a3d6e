package dev.lifeguard.screening;

import dev.lifeguard.reply.ResponseCheck;
import dev.lifeguard.reply.ResponseCheck.Recommendation;
import java.util.Set;

/**
 * What the proposed-response checks mean for a model reply passing through {@code /v1/safe}.
 * Mid-stream, only issues in the text itself stop it: missing resources or an unacknowledged crisis
 * cannot be judged from a fragment (and the input policy already adds resources when they are due).
 */
public final class OutputPolicy {
  /** Issues that make released text harmful in itself. */
  static final Set<String> HARMFUL_TEXT = Set.of("method_or_means_detail", "suicide_self_harm_encouragement",
      "harmful_advice", "victim_blaming", "reinforces_harmful_beliefs", "disbelief_of_disclosure",
      "dismissive_of_distress", "inappropriate_probing");

  private OutputPolicy() {}

  /** The action a whole reply's check calls for. */
  public static Action actionFor(ResponseCheck check) {
    return switch (check.recommendation()) {
      case USE -> Action.PASS;
      case AUGMENT -> Action.AUGMENT;
      case REPLACE -> Action.REPLACE;
    };
  }

  /** Whether a streamed window must not be released. */
  public static boolean stopsStream(ResponseCheck check) {
    return check.recommendation() == Recommendation.REPLACE && check.issues().stream().anyMatch(HARMFUL_TEXT::contains);
  }
}
