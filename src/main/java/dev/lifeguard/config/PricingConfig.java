package dev.lifeguard.config;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Price per call in mills (1/1000 USD), charged only to keys with prepaid billing switched on; 0 is
 * free. {@code topupUrl} is where a 402 sends the caller.
 */
public record PricingConfig(int evaluateMills, int screenMills, int safeMills, int ocularMills, int signpostMills,
    int modelsMills, Optional<URI> topupUrl) {

  public static final int DEFAULT_EVALUATE_MILLS = 3;
  public static final int DEFAULT_SCREEN_MILLS = 1;
  public static final int DEFAULT_SAFE_MILLS = 2;
  public static final int DEFAULT_OCULAR_MILLS = 2;
  public static final int DEFAULT_SIGNPOST_MILLS = 0;
  public static final int DEFAULT_MODELS_MILLS = 0;
  /** $1,000 per call: anything above is a typo in the config, not a price. */
  public static final int MAX_MILLS = 1_000_000;

  public static final PricingConfig DEFAULT = new PricingConfig(DEFAULT_EVALUATE_MILLS, DEFAULT_SCREEN_MILLS,
      DEFAULT_SAFE_MILLS, DEFAULT_OCULAR_MILLS, DEFAULT_SIGNPOST_MILLS, DEFAULT_MODELS_MILLS, Optional.empty());

  static PricingConfig read(Settings s) {
    return new PricingConfig(
        s.intIn("pricing.evaluate_mills", 0, MAX_MILLS, DEFAULT_EVALUATE_MILLS),
        s.intIn("pricing.screen_mills", 0, MAX_MILLS, DEFAULT_SCREEN_MILLS),
        s.intIn("pricing.safe_mills", 0, MAX_MILLS, DEFAULT_SAFE_MILLS),
        s.intIn("pricing.ocular_mills", 0, MAX_MILLS, DEFAULT_OCULAR_MILLS),
        s.intIn("pricing.signpost_mills", 0, MAX_MILLS, DEFAULT_SIGNPOST_MILLS),
        s.intIn("pricing.models_mills", 0, MAX_MILLS, DEFAULT_MODELS_MILLS),
        s.uri("pricing.topup_url", Set.of("https", "http")));
  }
}
