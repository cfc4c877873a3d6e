package dev.lifeguard.config;

import java.time.Duration;

/** The HTTP listener. */
public record ServerConfig(
    String host,
    int port,
    int instances,
    Duration shutdownGrace,
    Duration idleTimeout,
    Duration headerTimeout,
    int maxHeaderBytes,
    Duration writeStallTimeout) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  /** 0 = one HTTP verticle per core. */
  public static final int DEFAULT_INSTANCES = 0;
  public static final int DEFAULT_SHUTDOWN_GRACE_SECONDS = 20;
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 60;
  /** A new connection's request line and headers must all arrive within this (slow-loris). */
  public static final int DEFAULT_HEADER_TIMEOUT_SECONDS = 10;
  public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
  /**
   * A streamed reply whose client has not taken any of it for this long (every buffer to it full) is
   * cut off and its upstream cancelled: a client that stopped reading holds no upstream for longer.
   */
  public static final int DEFAULT_WRITE_STALL_SECONDS = 30;

  /** The number of HTTP verticles to deploy. */
  public int effectiveInstances() {
    return instances > 0 ? instances : Runtime.getRuntime().availableProcessors();
  }

  static ServerConfig read(Settings s) {
    return new ServerConfig(
        s.string("server.host", DEFAULT_HOST),
        s.intIn("server.port", 0, 65535, DEFAULT_PORT),
        s.intIn("server.instances", 0, 256, DEFAULT_INSTANCES),
        s.seconds("server.shutdown_grace_seconds", 0, 600, DEFAULT_SHUTDOWN_GRACE_SECONDS),
        s.seconds("server.idle_timeout_seconds", 1, 3600, DEFAULT_IDLE_TIMEOUT_SECONDS),
        s.seconds("server.header_timeout_seconds", 1, 3600, DEFAULT_HEADER_TIMEOUT_SECONDS),
        s.intIn("server.max_header_bytes", 1024, 1024 * 1024, DEFAULT_MAX_HEADER_BYTES),
        s.seconds("server.write_stall_seconds", 1, 3600, DEFAULT_WRITE_STALL_SECONDS));
  }
}
