package dev.lifeguard.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** PostgreSQL: an external server by URL, or (no URL) an embedded one with its data under {@code dataDir}. */
public record DatabaseConfig(Optional<URI> url, Path dataDir, int poolSize, Duration queryTimeout) {

  public static final String DEFAULT_DATA_DIR = "./data";
  public static final int DEFAULT_POOL_SIZE = 8;
  public static final int DEFAULT_QUERY_TIMEOUT_MILLIS = 5_000;

  public boolean embedded() {
    return url.isEmpty();
  }

  static DatabaseConfig read(Settings s) {
    return new DatabaseConfig(
        s.uri("database.url", Set.of("postgresql", "postgres")),
        Path.of(s.string("database.data_dir", DEFAULT_DATA_DIR)),
        s.intIn("database.pool_size", 1, 200, DEFAULT_POOL_SIZE),
        s.millis("database.query_timeout_millis", 100, 120_000, DEFAULT_QUERY_TIMEOUT_MILLIS));
  }

  @Override
  public String toString() {
    return "DatabaseConfig[url=" + url.map(u -> u.getScheme() + "://" + u.getHost() + ":" + u.getPort() + u.getPath()).orElse("(embedded)")
        + ", dataDir=" + dataDir + ", poolSize=" + poolSize + ", queryTimeout=" + queryTimeout + "]";
  }
}
