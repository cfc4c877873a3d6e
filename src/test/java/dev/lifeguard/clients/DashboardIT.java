package dev.lifeguard.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.Sql;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator dashboard in a real browser: Debian's chromium, driven by {@code playwright-core}
 * ({@code src/test/node/dashboard}), opens {@code /dashboard} on a gateway that has served real
 * traffic, enters the admin token and checks that the charts show that traffic, with no console
 * errors. The screenshot is left in {@code target/dashboard.png}.
 */
@ExtendWith(VertxExtension.class)
@DisabledIfSystemProperty(named = "nope-sdk.skip", matches = "true", disabledReason = "-Dnope-sdk.skip=true")
class DashboardIT {
  static final Path NODE_DIR = NodeScript.NODE_DIR.resolveSibling("dashboard");
  static final Path CHROMIUM = Path.of(System.getProperty("dashboard.chromium", "/usr/bin/chromium"));
  static final Path SCREENSHOT = Path.of("target", "dashboard.png").toAbsolutePath();
  /** Browser start, the first classifier-free page load and a dozen checks on a shared two-core machine. */
  static final Duration TIMEOUT = Duration.ofMinutes(3);
  /** Webhooks may reach a local receiver that is not there; give up after three quick attempts. */
  static final String YAML = "webhooks:\n  allow_private_addresses: true\n  poll_interval_millis: 50\n"
      + "  retry_schedule_millis: [100, 100]\n  timeout_millis: 2000\n";

  static final String CRISIS = "i have all my pills in my hand and i am going to take them tonight, i've written my goodbye letters";
  static final String BENIGN = "what's a good recipe for banana bread? mine always comes out dry";

  @Test
  void the_dashboard_charts_real_traffic_in_a_real_browser_without_console_errors(Vertx vertx) throws Exception {
    assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: DashboardIT needs Debian's chromium "
        + "(mvn verify installs it with apt-get when run as root; otherwise `sudo apt-get install chromium`; "
        + "-Dnope-sdk.skip=true skips this test)");
    NodeScript.requireInstalled(NODE_DIR, "playwright-core");
    try (TestGateway gateway = TestGateway.startWithYaml(vertx, YAML)) {
      JsonObject key = gateway.createKey("companion-app", "enterprise", false);
      String apiKey = key.getString("key");
      gateway.admin(HttpMethod.PATCH, "/admin/v1/keys/" + key.getString("id"), new JsonObject().put("billing", true));
      gateway.admin(HttpMethod.POST, "/admin/v1/keys/" + key.getString("id") + "/balance", new JsonObject().put("add_mills", 5000));
      HttpResponse<Buffer> webhook = gateway.postJson("/v1/webhooks", apiKey, new JsonObject()
          .put("url", "http://127.0.0.1:" + TestGateway.freePort() + "/nobody-listens").put("min_risk_level", "high").encode());
      assertEquals(201, webhook.statusCode(), webhook::bodyAsString);

      // When
      for (String message : List.of(CRISIS, BENIGN, CRISIS, BENIGN)) {
        assertEquals(200, gateway.postJson("/v1/evaluate", apiKey, conversation(message)).statusCode());
      }
      assertEquals(200, gateway.postJson("/v1/screen", apiKey, conversation(BENIGN)).statusCode());
      assertEquals(400, gateway.postJson("/v1/evaluate", apiKey, "{\"messages\": 5}").statusCode());
      assertEquals(400, gateway.postJson("/v1/screen", apiKey, "{}").statusCode());
      assertEquals(200, gateway.get("/v1/signpost?country=GB&limit=1", apiKey).statusCode());
      awaitCount(gateway, "SELECT count(*) FROM usage_records", 9);   // with the webhook's creation
      awaitCount(gateway, "SELECT count(*) FROM webhook_attempts", 1);

      // Then: the shell is public and data-free; the data needs the token
      HttpResponse<Buffer> shell = gateway.get("/dashboard/", null);
      assertEquals(200, shell.statusCode());
      assertTrue(shell.getHeader("Content-Type").startsWith("text/html"), shell.getHeader("Content-Type"));
      assertTrue(shell.getHeader("Content-Security-Policy").contains("default-src 'none'"));
      assertFalse(shell.bodyAsString().contains(TestGateway.ADMIN_TOKEN));
      assertTrue(gateway.get("/dashboard/dashboard.js", null).getHeader("Content-Type").contains("javascript"));
      assertEquals(401, gateway.get("/admin/v1/dashboard", null).statusCode());
      assertEquals(401, gateway.get("/admin/v1/dashboard", apiKey).statusCode(), "an API key is not the admin token");
      JsonObject data = gateway.admin(HttpMethod.GET, "/admin/v1/dashboard", null);
      assertFalse(data.encode().contains("pills"), "metadata only: no message content");
      JsonArray serious = data.getJsonArray("recent_serious");
      assertEquals(2, serious.size(), data::encodePrettily);
      assertTrue(serious.getJsonObject(0).getJsonArray("risk_types").contains("suicide"), serious::encode);

      Map<String, String> env = Map.of(
          "BASE_URL", "http://127.0.0.1:" + gateway.port(),
          "ADMIN_TOKEN", TestGateway.ADMIN_TOKEN,
          "CHROMIUM", CHROMIUM.toString(),
          "SCREENSHOT", SCREENSHOT.toString(),
          "EXPECT", new JsonObject()
              .put("calls", new JsonObject().put("/v1/evaluate", 5).put("/v1/screen", 2).put("/v1/signpost", 1)
                  .put("/v1/webhooks", 1))
              .put("total", 9).put("errors", 2).put("risk_type", "suicide").put("billed", "companion-app")
              .put("webhook_failures", true).put("secret_text", "pills").encode());
      NodeScript.Result result = NodeScript.run(NODE_DIR, "dashboard-test.mjs", List.of(), env, TIMEOUT, "[dashboard] ");
      assertEquals(0, result.exitCode(), () -> "node dashboard-test.mjs failed:\n" + result.output());
      assertTrue(Files.size(SCREENSHOT) > 10_000, "the screenshot has something in it");
    }
  }

  private static String conversation(String message) {
    return new JsonObject().put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", message)))
        .encode();
  }

  private static void awaitCount(TestGateway gateway, String sql, long expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (Sql.count(gateway.databaseUrl(), sql) < expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(Sql.count(gateway.databaseUrl(), sql) >= expected, () -> sql + " stayed below " + expected);
  }
}
