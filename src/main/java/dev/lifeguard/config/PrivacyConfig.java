package dev.lifeguard.config;

/** Message content is sensitive: nothing is stored or logged unless the operator opts in. */
public record PrivacyConfig(boolean storeContent) {

  static PrivacyConfig read(Settings s) {
    return new PrivacyConfig(s.bool("privacy.store_content", false));
  }
}
