package dev.lifeguard.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A webhook receiver on localhost (WireMock), and what a receiver does with a delivery: verify it. */
final class Receiver implements AutoCloseable {
  final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  Receiver() {
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** Answers {@code status} on {@code path}, after {@code delayMillis}. */
  Receiver answer(String path, int status, int delayMillis) {
    server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status).withFixedDelay(delayMillis)));
    return this;
  }

  /** Requests received on {@code path}, oldest first. */
  List<ServeEvent> received(String path) {
    return server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith(path))
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .toList();
  }

  static JsonObject body(ServeEvent e) {
    return new JsonObject(e.getRequest().getBodyAsString());
  }

  /**
   * The documented check, written as a receiver would: HMAC-SHA256 over {@code timestamp + "." + raw body},
   * compared in constant time, and the timestamp no older than five minutes.
   */
  static boolean verified(ServeEvent e, String secret) {
    String timestamp = e.getRequest().getHeader("X-NOPE-Timestamp");
    String signature = e.getRequest().getHeader("X-NOPE-Signature");
    if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 300) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(e.getRequest().getBody()));
      return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Polls until the condition holds; fails with {@code what} after {@code within}. */
  static void eventually(Duration within, String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
