package dev.lifeguard.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Resolves bearer keys to active key records. Lookups are cached briefly and per instance: a
 * revoked key stops working on every instance within {@link #CACHE_TTL} plus one query.
 */
public final class KeyAuthenticator {
  /** Revocation must take effect within 5 s on every instance; 2 s leaves room for the lookup itself. */
  public static final Duration CACHE_TTL = Duration.ofSeconds(2);
  public static final int CACHE_SIZE = 10_000;

  private final KeyStore store;
  private final Cache<String, KeyRecord> cache = Caffeine.newBuilder()
      .maximumSize(CACHE_SIZE)
      .expireAfterWrite(CACHE_TTL)
      .build();

  public KeyAuthenticator(KeyStore store) {
    this.store = store;
  }

  /** The active key record for a presented key, or empty when the key is malformed, unknown or revoked. */
  public Future<Optional<KeyRecord>> authenticate(String presented) {
    if (!ApiKeys.wellFormed(presented)) {
      return Future.succeededFuture(Optional.empty());
    }
    byte[] hash = ApiKeys.hash(presented);
    String cacheKey = HexFormat.of().formatHex(hash);
    KeyRecord cached = cache.getIfPresent(cacheKey);
    if (cached != null) {
      return Future.succeededFuture(Optional.of(cached));
    }
    // Looked up by SHA-256 of the key, never by the key: timing of the index lookup tells an attacker
    // about hash prefixes, which gives nothing towards a valid key.
    return store.findByHash(hash).map(found -> {
      Optional<KeyRecord> active = found.filter(KeyRecord::active);
      active.ifPresent(record -> {
        cache.put(cacheKey, record);
        store.touch(record.id());
      });
      return active;
    });
  }
}
