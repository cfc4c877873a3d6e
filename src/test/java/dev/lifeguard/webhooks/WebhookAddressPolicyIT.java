package dev.lifeguard.webhooks;

import static dev.lifeguard.webhooks.Receiver.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.Sql;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With the default policy (no private receivers), internal addresses are refused when a webhook is
 * saved, and again at delivery time for a webhook whose address became internal after it was saved.
 */
@ExtendWith(VertxExtension.class)
class WebhookAddressPolicyIT {
  private static TestGateway gateway;
  private static String key;
  private static Receiver receiver;

  @BeforeAll
  static void start(Vertx vertx) {
    receiver = new Receiver().answer("/internal", 200, 0);
    gateway = TestGateway.startWithYaml(vertx, "webhooks:\n  poll_interval_millis: 50\n");
    key = gateway.createKey("policy");
  }

  @AfterAll
  static void stop() {
    gateway.close();
    receiver.close();
  }

  private static String refusal(String url) {
    HttpResponse<Buffer> r = gateway.postJson("/v1/webhooks", key, new JsonObject().put("url", url).encode());
    assertEquals(400, r.statusCode(), () -> url + " " + r.bodyAsString());
    return r.bodyAsJsonObject().getString("error");
  }

  @Test
  void plain_http_is_refused_except_for_localhost() {
    assertTrue(refusal("http://hooks.example.com/nope").contains("url must use https"));
    assertTrue(refusal("http://10.0.0.1/nope").contains("url must use https"));
  }

  @Test
  void private_loopback_and_link_local_receivers_are_refused_unless_the_operator_allows_them() {
    for (String url : new String[] {"https://10.1.2.3/hook", "https://192.168.0.10/hook", "https://169.254.169.254/latest/meta-data",
        "https://[fd00::1]/hook", "https://localhost/hook", "http://127.0.0.1:" + receiver.server.port() + "/hook"}) {
      String error = refusal(url);
      assertTrue(error.contains("private or internal address") && error.contains("not allowed"), url + ": " + error);
    }
  }

  @Test
  void a_receiver_on_an_internal_address_is_refused_again_at_delivery_time() throws Exception {
    // Saved when the address was acceptable (here: written directly), internal by the time of delivery.
    var db = gateway.databaseUrl();
    String keyId = Sql.text(db, "SELECT id FROM api_keys WHERE name = 'policy'");
    Sql.execute(db, "INSERT INTO webhooks (id, key_id, url, min_risk_level, secret) VALUES ('whk_rebound', '" + keyId
        + "', '" + receiver.url("/internal") + "', 'high', 'whsec_x')");
    assertEquals(202, gateway.postJson("/v1/webhooks/whk_rebound/test", key, null).statusCode());

    eventually(Duration.ofSeconds(20), "the delivery is refused", () -> {
      JsonObject event = gateway.get("/v1/webhooks/whk_rebound/deliveries", key).bodyAsJsonObject().getJsonArray("events").getJsonObject(0);
      return event.getString("status").equals("failed");
    });
    JsonObject event = gateway.get("/v1/webhooks/whk_rebound/deliveries", key).bodyAsJsonObject().getJsonArray("events").getJsonObject(0);
    assertTrue(event.getString("error_message").contains("private or internal address"), event::encode);
    assertEquals(1, event.getInteger("attempt_count"), "refusal is permanent, not retried");
    assertTrue(receiver.received("/internal").isEmpty(), "nothing was sent");
  }
}
