package dev.lifeguard.config;

import java.util.Optional;

/** The admin API exists only when a token is configured. */
public record AdminConfig(Optional<String> token) {

  /** Short tokens are guessable; the admin API can create keys and move balances. */
  public static final int MIN_TOKEN_LENGTH = 16;

  public boolean enabled() {
    return token.isPresent();
  }

  static AdminConfig read(Settings s) {
    Optional<String> token = s.optionalString("admin.token");
    if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
      throw s.invalid("admin.token", null, "must be at least " + MIN_TOKEN_LENGTH + " characters");
    }
    return new AdminConfig(token);
  }

  @Override
  public String toString() {
    return "AdminConfig[enabled=" + enabled() + "]";
  }
}
