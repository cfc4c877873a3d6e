package dev.lifeguard.reply;

import dev.lifeguard.taxonomy.WireNamed;
import java.util.List;
import java.util.Objects;

/**
 * The judgement of a proposed assistant reply ({@code proposed_response_evaluation}).
 *
 * @param appropriate    false when the reply has a critical or serious issue
 * @param issues         issue names from the response-issue taxonomy, critical first
 * @param reasoning      one or two plain sentences naming the issues, never quoting the conversation
 */
public record ResponseCheck(boolean appropriate, List<String> issues, Recommendation recommendation, String reasoning) {

  public ResponseCheck {
    issues = List.copyOf(issues);
    Objects.requireNonNull(recommendation, "recommendation");
    Objects.requireNonNull(reasoning, "reasoning");
  }

  /** What to do with the proposed reply. */
  public enum Recommendation implements WireNamed {
    /** Send it as it is. */
    USE,
    /** Send it with crisis resources (and, for a bystander, guidance) added: {@link ReplyComposer#augment}. */
    AUGMENT,
    /** Send the recommended reply instead. */
    REPLACE;

    @Override
    public String wireName() {
      return WireNamed.lower(this);
    }
  }
}
