package dev.lifeguard.config;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/** The OpenAI-compatible LLM that {@code /v1/safe} screens. */
public record UpstreamConfig(Optional<URI> url, Optional<String> apiKey) {

  static UpstreamConfig read(Settings s) {
    return new UpstreamConfig(s.uri("upstream.url", Set.of("http", "https")), s.optionalString("upstream.api_key"));
  }

  @Override
  public String toString() {
    return "UpstreamConfig[url=" + url.map(URI::toString).orElse("(none)") + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)") + "]";
  }
}
