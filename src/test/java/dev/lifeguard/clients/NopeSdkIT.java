package dev.lifeguard.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official {@code @nope-net/sdk} client (pinned in {@code src/test/node/nope-sdk}) against a real
 * gateway: routes, request fields, auth and error bodies exactly as NOPE's users' code meets them.
 * The checks themselves live in {@code sdk-test.mjs}; each test runs some of its sections.
 */
@ExtendWith(VertxExtension.class)
@DisabledIfSystemProperty(named = "nope-sdk.skip", matches = "true", disabledReason = "-Dnope-sdk.skip=true")
class NopeSdkIT {
  private static final String SCRIPT = "sdk-test.mjs";
  /** Generous: the script makes about thirty calls through the classifier on a shared CI machine. */
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  /** Per SDK call; the SDK's own default is 30 s, and the first classifier call warms up. */
  private static final String SDK_TIMEOUT_MS = "60000";

  private static TestGateway gateway;
  private static String key;

  @BeforeAll
  static void start(Vertx vertx) {
    NodeScript.requireInstalled(NodeScript.NODE_DIR, "@nope-net/sdk");
    gateway = TestGateway.start(vertx);
    key = gateway.createKey("nope-sdk");
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void the_sdk_looks_up_resources_screens_and_reads_errors_as_nope_clients_expect() throws InterruptedException {
    runSections("signpost", "screen", "errors");
  }

  @Test
  void the_sdk_evaluates_with_a_key_and_in_keyless_demo_mode() throws InterruptedException {
    runSections("evaluate");
  }

  private static void runSections(String... sections) throws InterruptedException {
    Map<String, String> env = Map.of(
        "BASE_URL", "http://127.0.0.1:" + gateway.port(),
        "NOPE_API_KEY", key,
        "SDK_TIMEOUT_MS", SDK_TIMEOUT_MS);
    NodeScript.Result result = NodeScript.run(NodeScript.NODE_DIR, SCRIPT, List.of(sections), env, TIMEOUT, "[nope-sdk] ");
    assertEquals(0, result.exitCode(), () -> "node " + SCRIPT + " " + String.join(" ", sections) + " failed:\n" + result.output());
  }
}
