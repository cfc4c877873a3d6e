package dev.lifeguard.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process PostgreSQL used when no database URL is configured. Its data lives under
 * {@code <dataDir>/postgres} and survives restarts. When a server already runs on that directory
 * (another Lifeguard process, or {@code keys create} next to a running server), this attaches to
 * it instead of starting a second one.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

  private final EmbeddedPostgres owned;
  private final int port;

  private EmbeddedDatabase(EmbeddedPostgres owned, int port) {
    this.owned = owned;
    this.port = port;
  }

  /** Blocking: call from the main thread or a worker, never the event loop. */
  public static EmbeddedDatabase startOrAttach(Path dataDir) {
    Path pgData = dataDir.resolve("postgres").toAbsolutePath();
    Optional<Integer> running = runningPort(pgData);
    if (running.isPresent()) {
      LOG.info("event=embedded_db_attach port={} data_dir={}", running.get(), pgData);
      return new EmbeddedDatabase(null, running.get());
    }
    try {
      Files.createDirectories(pgData);
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(false)
          .setPGStartupWait(STARTUP_WAIT)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("max_connections", "200")
          .start();
      LOG.info("event=embedded_db_started port={} data_dir={}", pg.getPort(), pgData);
      return new EmbeddedDatabase(pg, pg.getPort());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + pgData, e);
    }
  }

  public URI url() {
    return URI.create("postgresql://postgres@127.0.0.1:" + port + "/postgres");
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    if (owned == null) {
      return;
    }
    try {
      owned.close();
      LOG.info("event=embedded_db_stopped port={}", port);
    } catch (IOException e) {
      LOG.warn("event=embedded_db_stop_failed port={} error={}", port, e.toString());
    }
  }

  /** The port of a live postmaster on this data directory, read from its postmaster.pid. */
  private static Optional<Integer> runningPort(Path pgData) {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(pidFile);
      if (lines.size() < 4) {
        return Optional.empty();
      }
      long pid = Long.parseLong(lines.get(0).trim());
      int port = Integer.parseInt(lines.get(3).trim());
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && accepts(port)) {
        return Optional.of(port);
      }
      return Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
