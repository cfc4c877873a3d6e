package dev.lifeguard.training.corpus;

import java.util.List;

/**
 * One turn of a conversation: a user turn carries {@code label} (risk as of that turn, read in
 * context), an assistant turn carries {@code concerns} (a subset of {@link Vocabulary#CONCERNS}).
 */
public record Turn(String role, String content, Labels label, List<String> concerns) {

  public Turn {
    concerns = concerns == null ? null : List.copyOf(concerns);
  }

  public boolean isUser() {
    return role.equals("user");
  }
}
