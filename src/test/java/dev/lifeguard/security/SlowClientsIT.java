package dev.lifeguard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Slow-loris and oversized requests: connections are cut off by the header deadline and the idle timeout. */
@ExtendWith(VertxExtension.class)
class SlowClientsIT {
  static final int HEADER_TIMEOUT_S = 2;
  static final int IDLE_TIMEOUT_S = 3;
  private static TestGateway gateway;

  @BeforeAll
  static void start(Vertx vertx) {
    gateway = TestGateway.startWithYaml(vertx, "server:\n  header_timeout_seconds: " + HEADER_TIMEOUT_S
        + "\n  idle_timeout_seconds: " + IDLE_TIMEOUT_S + "\n  max_header_bytes: 8192\n");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /** Reads until the server closes the connection; the time that took, in ms. */
  private static long millisUntilClosed(Socket socket, long started, long limitMillis) throws IOException {
    socket.setSoTimeout((int) limitMillis);
    InputStream in = socket.getInputStream();
    try {
      while (in.read() >= 0) {
        // an answer would be a failure of the test; keep reading until the close
      }
    } catch (SocketException reset) {
      // closed by the server
    }
    return (System.nanoTime() - started) / 1_000_000;
  }

  @Test
  void a_client_trickling_its_headers_is_cut_off_at_the_header_deadline() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      long started = System.nanoTime();
      OutputStream out = socket.getOutputStream();
      out.write("GET /health/live HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      Thread trickle = new Thread(() -> {
        try {
          for (int i = 0; i < 100; i++) {
            out.write('a'); // one byte each 300 ms: well inside the idle timeout, so only a header deadline stops it
            out.flush();
            Thread.sleep(300);
          }
        } catch (IOException | InterruptedException closed) {
          // the server cut us off
        }
      });
      trickle.start();
      long closedAfter = millisUntilClosed(socket, started, 15_000);
      trickle.interrupt();
      assertTrue(closedAfter < HEADER_TIMEOUT_S * 1000 + 1500, "cut off after " + closedAfter + " ms");
      assertTrue(closedAfter >= HEADER_TIMEOUT_S * 1000 - 200, "not before the deadline: " + closedAfter + " ms");
    }
  }

  @Test
  void a_silent_connection_and_an_idle_kept_alive_one_are_closed() throws Exception {
    try (Socket silent = new Socket("127.0.0.1", gateway.port())) {
      long closedAfter = millisUntilClosed(silent, System.nanoTime(), 15_000);
      assertTrue(closedAfter < HEADER_TIMEOUT_S * 1000 + 1500, "silent connection closed after " + closedAfter + " ms");
    }
    try (Socket kept = new Socket("127.0.0.1", gateway.port())) {
      kept.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      long started = System.nanoTime();
      long closedAfter = millisUntilClosed(kept, started, 15_000);
      assertTrue(closedAfter < IDLE_TIMEOUT_S * 1000 + 1500, "idle keep-alive connection closed after " + closedAfter + " ms");
    }
  }

  @Test
  void oversized_headers_get_431_and_the_server_keeps_serving() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(16 * 1024) + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 431", status);
    }
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(("GET /" + "p".repeat(10 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertTrue(status.endsWith(" 414"), "an over-long request line: " + status); // Vert.x answers it as HTTP/1.0
    }
    assertEquals(200, gateway.get("/health/live", null).statusCode());
  }
}
