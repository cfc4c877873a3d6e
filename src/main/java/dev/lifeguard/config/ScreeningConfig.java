package dev.lifeguard.config;

import dev.lifeguard.resources.Countries;
import dev.lifeguard.screening.Action;
import java.util.Locale;
import java.util.Optional;

/**
 * How {@code /v1/safe} acts on what it finds: the decision table per severity of the speaker's own
 * risk, what happens when only someone else is at risk, and the release-behind window of streamed
 * replies. Failing open is off unless the operator turns it on.
 *
 * @param safeMessagingPrompt at moderate risk and above, add a safe-messaging system prompt upstream
 * @param windowMinChars      a streamed window is screened once it holds a sentence end and this many characters
 * @param windowMaxChars      …or this many characters without a sentence end
 * @param failOpenInput       classifier unavailable for the user's turn: call the model anyway (explicit opt-in only)
 * @param failOpenOutput      classifier unavailable for the model's reply: release it unscreened (explicit opt-in only)
 * @param defaultCountry      whose crisis resources to use when a request names no country or locale region
 */
public record ScreeningConfig(Action onNone, Action onMild, Action onModerate, Action onHigh, Action onCritical,
    Action onThirdParty, boolean safeMessagingPrompt, int windowMinChars, int windowMaxChars, boolean failOpenInput,
    boolean failOpenOutput, Optional<String> defaultCountry) {

  public static final int DEFAULT_WINDOW_MIN_CHARS = 48;
  public static final int DEFAULT_WINDOW_MAX_CHARS = 320;

  static ScreeningConfig read(Settings s) {
    int min = s.intIn("screening.window_min_chars", 1, 4096, DEFAULT_WINDOW_MIN_CHARS);
    int max = s.intIn("screening.window_max_chars", 16, 16384, DEFAULT_WINDOW_MAX_CHARS);
    if (max < min) {
      throw new ConfigException("screening.window_max_chars (" + max + ") must be at least screening.window_min_chars (" + min + ")");
    }
    return new ScreeningConfig(
        s.oneOf("screening.on_none", Action.class, Action.PASS),
        s.oneOf("screening.on_mild", Action.class, Action.PASS),
        s.oneOf("screening.on_moderate", Action.class, Action.AUGMENT),
        s.oneOf("screening.on_high", Action.class, Action.REPLACE),
        s.oneOf("screening.on_critical", Action.class, Action.REPLACE),
        s.oneOf("screening.on_third_party", Action.class, Action.BYSTANDER),
        s.bool("screening.safe_messaging_prompt", false),
        min,
        max,
        s.bool("screening.fail_open_input", false),
        s.bool("screening.fail_open_output", false),
        defaultCountry(s));
  }

  private static Optional<String> defaultCountry(Settings s) {
    Optional<String> code = s.optionalString("screening.default_country");
    if (code.isPresent() && !Countries.isKnown(code.get())) {
      throw new ConfigException("invalid setting screening.default_country = " + code.get()
          + ": must be an ISO 3166-1 alpha-2 country code such as US or GB");
    }
    return code.map(c -> c.toUpperCase(Locale.ROOT));
  }
}
