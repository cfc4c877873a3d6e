package dev.lifeguard.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OpenAI-compatible LLM that {@code /v1/safe} screens: where it is, how long to wait for it, how
 * often to retry, which models to ask for, and which upstreams to fall back to.
 *
 * @param modelMap requested model → upstream model; a model not in the map is passed through
 * @param defaultModel sent when the request names no model
 * @param models advertised by {@code /v1/models} when the upstream's own list does not answer
 * @param fallbacks tried in order when the primary fails before its first byte with a retryable failure
 */
public record UpstreamConfig(
    Optional<URI> url,
    Optional<String> apiKey,
    Duration connectTimeout,
    Duration firstByteTimeout,
    Duration idleTimeout,
    Duration totalTimeout,
    int retries,
    int maxConnections,
    Map<String, String> modelMap,
    Optional<String> defaultModel,
    List<String> models,
    List<Endpoint> fallbacks) {

  public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 2_000;
  /** Time to response headers: a loaded local model can take many seconds before its first token. */
  public static final int DEFAULT_FIRST_BYTE_TIMEOUT_MILLIS = 30_000;
  /** The longest silence between two body chunks once the response has started. */
  public static final int DEFAULT_IDLE_TIMEOUT_MILLIS = 30_000;
  public static final int DEFAULT_TOTAL_TIMEOUT_MILLIS = 120_000;
  /** Retries per upstream, on connection errors and 5xx only, and only before the first byte. */
  public static final int DEFAULT_RETRIES = 2;
  public static final int DEFAULT_MAX_CONNECTIONS = 64;

  private static final Set<String> SCHEMES = Set.of("http", "https");

  public UpstreamConfig {
    modelMap = Map.copyOf(modelMap);
    models = List.copyOf(models);
    fallbacks = List.copyOf(fallbacks);
  }

  /** An upstream with every other setting at its default (tests and tools). */
  public UpstreamConfig(Optional<URI> url, Optional<String> apiKey) {
    this(url, apiKey,
        Duration.ofMillis(DEFAULT_CONNECT_TIMEOUT_MILLIS), Duration.ofMillis(DEFAULT_FIRST_BYTE_TIMEOUT_MILLIS),
        Duration.ofMillis(DEFAULT_IDLE_TIMEOUT_MILLIS), Duration.ofMillis(DEFAULT_TOTAL_TIMEOUT_MILLIS),
        DEFAULT_RETRIES, DEFAULT_MAX_CONNECTIONS, Map.of(), Optional.empty(), List.of(), List.of());
  }

  /** One OpenAI-compatible base URL and the key it wants. */
  public record Endpoint(URI url, Optional<String> apiKey) {
    @Override
    public String toString() {
      return "Endpoint[url=" + url + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)") + "]";
    }
  }

  public boolean configured() {
    return url.isPresent();
  }

  /** The primary, then the fallbacks, in the order they are tried; empty when no upstream is configured. */
  public List<Endpoint> endpoints() {
    List<Endpoint> all = new ArrayList<>();
    url.ifPresent(u -> all.add(new Endpoint(u, apiKey)));
    all.addAll(fallbacks);
    return List.copyOf(all);
  }

  /** The model to ask the upstream for, given the one the caller asked for (if any). */
  public Optional<String> upstreamModel(Optional<String> requested) {
    return requested.map(m -> modelMap.getOrDefault(m, m)).or(() -> defaultModel);
  }

  public UpstreamConfig withTimeouts(Duration connect, Duration firstByte, Duration idle, Duration total) {
    return new UpstreamConfig(url, apiKey, connect, firstByte, idle, total, retries, maxConnections, modelMap,
        defaultModel, models, fallbacks);
  }

  public UpstreamConfig withRetries(int retries) {
    return new UpstreamConfig(url, apiKey, connectTimeout, firstByteTimeout, idleTimeout, totalTimeout, retries,
        maxConnections, modelMap, defaultModel, models, fallbacks);
  }

  public UpstreamConfig withModels(Map<String, String> modelMap, Optional<String> defaultModel, List<String> models) {
    return new UpstreamConfig(url, apiKey, connectTimeout, firstByteTimeout, idleTimeout, totalTimeout, retries,
        maxConnections, modelMap, defaultModel, models, fallbacks);
  }

  public UpstreamConfig withFallbacks(List<Endpoint> fallbacks) {
    return new UpstreamConfig(url, apiKey, connectTimeout, firstByteTimeout, idleTimeout, totalTimeout, retries,
        maxConnections, modelMap, defaultModel, models, fallbacks);
  }

  static UpstreamConfig read(Settings s) {
    Optional<URI> url = s.uri("upstream.url", SCHEMES);
    List<Endpoint> fallbacks = readFallbacks(s);
    if (url.isEmpty() && !fallbacks.isEmpty()) {
      throw s.invalid("upstream.fallbacks", null, "needs upstream.url: fallbacks are tried only after the primary fails");
    }
    return new UpstreamConfig(
        url,
        s.optionalString("upstream.api_key"),
        s.millis("upstream.connect_timeout_millis", 100, 60_000, DEFAULT_CONNECT_TIMEOUT_MILLIS),
        s.millis("upstream.first_byte_timeout_millis", 100, 600_000, DEFAULT_FIRST_BYTE_TIMEOUT_MILLIS),
        s.millis("upstream.idle_timeout_millis", 100, 600_000, DEFAULT_IDLE_TIMEOUT_MILLIS),
        s.millis("upstream.total_timeout_millis", 1_000, 3_600_000, DEFAULT_TOTAL_TIMEOUT_MILLIS),
        s.intIn("upstream.retries", 0, 10, DEFAULT_RETRIES),
        s.intIn("upstream.max_connections", 1, 10_000, DEFAULT_MAX_CONNECTIONS),
        s.stringMap("upstream.model_map"),
        s.optionalString("upstream.default_model"),
        s.stringList("upstream.models"),
        fallbacks);
  }

  private static List<Endpoint> readFallbacks(Settings s) {
    List<Endpoint> fallbacks = new ArrayList<>();
    for (Settings item : s.objectList("upstream.fallbacks")) {
      URI url = item.uri("url", SCHEMES).orElseThrow(() -> item.invalid("url", null, "is required: the fallback's base URL"));
      fallbacks.add(new Endpoint(url, item.optionalString("api_key")));
      item.rejectUnknown();
    }
    return fallbacks;
  }

  @Override
  public String toString() {
    return "UpstreamConfig[url=" + url.map(URI::toString).orElse("(none)")
        + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)")
        + ", connectTimeout=" + connectTimeout + ", firstByteTimeout=" + firstByteTimeout
        + ", idleTimeout=" + idleTimeout + ", totalTimeout=" + totalTimeout
        + ", retries=" + retries + ", maxConnections=" + maxConnections
        + ", modelMap=" + modelMap + ", defaultModel=" + defaultModel.orElse("(none)")
        + ", models=" + models + ", fallbacks=" + fallbacks + "]";
  }
}
