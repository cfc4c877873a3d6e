package dev.lifeguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health, metrics, request ids and CORS. */
@ExtendWith(VertxExtension.class)
class ObservabilityIT {
  private static TestGateway gateway;
  private static String key;

  @BeforeAll
  static void start(Vertx vertx) {
    gateway = TestGateway.start(vertx);
    key = gateway.createKey("observability");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void liveness_and_readiness_report_up_with_the_database_check() {
    assertEquals(200, gateway.get("/health/live", null).statusCode());
    HttpResponse<Buffer> ready = gateway.get("/health/ready", null);
    assertEquals(200, ready.statusCode());
    assertEquals("UP", ready.bodyAsJsonObject().getJsonObject("checks").getString("database"));
  }

  @Test
  void metrics_count_requests_by_route_and_status_in_prometheus_format() {
    gateway.get("/v1/signpost?country=US", key);
    gateway.get("/v1/signpost?country=US", null);
    HttpResponse<Buffer> metrics = gateway.get("/metrics", null);
    assertEquals(200, metrics.statusCode());
    String text = metrics.bodyAsString();
    assertTrue(text.contains("vertx_http_server_requests_total"), "request counter");
    assertTrue(text.contains("code=\"200\"") && text.contains("code=\"401\""), "status label");
    assertTrue(text.contains("route=\"/v1/signpost\""), "route label");
    assertTrue(text.contains("vertx_http_server_response_time_seconds_bucket"), "latency histogram");
    assertTrue(text.contains("jvm_memory_used_bytes"), "JVM metrics");
  }

  @Test
  void request_ids_echo_the_clients_own_or_are_generated() {
    HttpResponse<Buffer> mine = gateway.client().get("/health/live").putHeader("X-Request-Id", "trace-42").send().await();
    assertEquals("trace-42", mine.getHeader("X-Request-Id"));
    HttpResponse<Buffer> hostile = gateway.client().get("/health/live").putHeader("X-Request-Id", "a b\"<script>").send().await();
    assertTrue(hostile.getHeader("X-Request-Id").startsWith("req_"));
    assertTrue(gateway.get("/v1/nowhere", null).getHeader("X-Request-Id").startsWith("req_"), "errors carry one too");
  }

  @Test
  void browsers_get_a_preflight_that_allows_authorization_and_exposes_the_risk_headers() {
    HttpResponse<Buffer> preflight = gateway.client().request(HttpMethod.OPTIONS, "/v1/chat/completions")
        .putHeader("Origin", "https://app.example")
        .putHeader("Access-Control-Request-Method", "POST")
        .putHeader("Access-Control-Request-Headers", "authorization, content-type")
        .send().await();
    assertTrue(preflight.statusCode() == 200 || preflight.statusCode() == 204, "status " + preflight.statusCode());
    assertTrue(preflight.getHeader("Access-Control-Allow-Headers").toLowerCase().contains("authorization"));
    HttpResponse<Buffer> actual = gateway.client().get("/v1/signpost?country=US")
        .putHeader("Origin", "https://app.example").putHeader("Authorization", "Bearer " + key).send().await();
    String exposed = actual.getHeader("Access-Control-Expose-Headers");
    assertTrue(exposed.contains("X-NOPE-Risk-Level") && exposed.contains("X-Request-Id"), exposed);
  }

  @Test
  void responses_carry_no_server_banner() {
    assertNull(gateway.get("/health/live", null).getHeader("Server"));
  }
}
