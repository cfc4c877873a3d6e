package dev.lifeguard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A realistic session through every product route with canary strings in the content, the keys and
 * the secrets; then everything the gateway logged is scanned for them. Also: every error answer
 * (each route, bad input) has no banner and no stack trace, and the admin API and dashboard do not
 * exist without an admin token.
 */
@ExtendWith(VertxExtension.class)
class SecretsAndLogsIT {
  static final String CONTENT_CANARY = "quokkacanary4417";
  static final String REPLY_CANARY = "wombatcanary9083";
  static final String UPSTREAM_KEY = "sk-upstreamcanary-5b2e9d0c71f4";
  static final String CRISIS = "i have all my pills in my hand and i am going to take them tonight, i've written my goodbye letters "
      + CONTENT_CANARY;

  /** Every event of every logger, rendered with message, arguments, MDC and full stack traces. */
  static final class Capture extends AppenderBase<ILoggingEvent> {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent e) {
      String thrown = e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy());
      lines.add(e.getLoggerName() + " " + e.getFormattedMessage() + " " + e.getMDCPropertyMap() + " " + thrown);
    }
  }

  private static JsonObject chat(String text, boolean stream) {
    return new JsonObject().put("model", "gpt-4o-mini").put("stream", stream)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", text)));
  }

  /** An OpenAI-compatible upstream whose replies carry a canary; "fail" in a request makes it answer 401 echoing its key. */
  private static HttpServer upstream(Vertx vertx) {
    return vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      if (req.path().endsWith("/models")) {
        req.response().putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("data", new JsonArray().add(new JsonObject().put("id", "m"))).encode());
        return;
      }
      JsonObject request = new JsonObject(body.toString());
      if (body.toString().contains("please fail")) {
        req.response().setStatusCode(401).putHeader("Content-Type", "application/json").end(new JsonObject()
            .put("error", new JsonObject().put("message", "bad key " + req.getHeader("Authorization") + " " + REPLY_CANARY)).encode());
        return;
      }
      String reply = "Here is a calm reply about it, " + REPLY_CANARY + ". Take care of yourself.";
      if (!request.getBoolean("stream", false)) {
        req.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("id", "c").put("object", "chat.completion")
            .put("created", 1).put("model", "m").put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                .put("message", new JsonObject().put("role", "assistant").put("content", reply)).put("finish_reason", "stop"))).encode());
        return;
      }
      req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
      for (String word : reply.split("(?<= )")) {
        req.response().write("data: " + new JsonObject().put("id", "c").put("object", "chat.completion.chunk").put("choices",
            new JsonArray().add(new JsonObject().put("index", 0).put("delta", new JsonObject().put("content", word)))).encode() + "\n\n");
      }
      req.response().end("data: [DONE]\n\n");
    })).listen(0, "127.0.0.1").await();
  }

  private static HttpServer receiver(Vertx vertx, List<String> received) {
    return vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
      received.add(b.toString());
      req.response().end();
    })).listen(0, "127.0.0.1").await();
  }

  @Test
  void nothing_secret_and_no_message_content_reaches_the_logs_of_a_full_session(Vertx vertx) throws Exception {
    Capture capture = new Capture();
    Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    capture.start();
    root.addAppender(capture);
    HttpServer upstream = upstream(vertx);
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = receiver(vertx, received);
    String key;
    String secret;
    try (TestGateway g = TestGateway.startWithYaml(vertx, "upstream:\n  url: http://127.0.0.1:" + upstream.actualPort() + "/v1\n"
        + "  api_key: " + UPSTREAM_KEY + "\n  retries: 0\n"
        + "webhooks:\n  allow_private_addresses: true\n  poll_interval_millis: 50\n")) {
      key = g.createKey("canary");
      JsonObject hook = g.postJson("/v1/webhooks", key, new JsonObject().put("url", "http://127.0.0.1:" + receiver.actualPort() + "/hook")
          .put("min_risk_level", "moderate").put("include_conversation", true).encode()).bodyAsJsonObject();
      secret = hook.getString("secret");
      assertTrue(secret != null && secret.length() > 8, hook::encode);

      // When: every product route, with the canaries in content, headers and failures
      assertEquals(200, g.postJson("/v1/evaluate", key, new JsonObject().put("text", CRISIS).encode()).statusCode());
      assertEquals(200, g.postJson("/v1/screen", key, new JsonObject().put("text", CRISIS).encode()).statusCode());
      assertEquals(200, g.postJson("/v1/ocular", key, new JsonObject().put("text", CRISIS).encode()).statusCode());
      assertEquals(200, g.postJson("/v1/try/evaluate", null, new JsonObject().put("text", CRISIS).encode()).statusCode());
      assertEquals(200, g.postJson("/v1/safe", key, chat("tell me about otters " + CONTENT_CANARY, false).encode()).statusCode());
      HttpResponse<Buffer> streamed = g.postJson("/v1/chat/completions", key, chat("tell me about otters " + CONTENT_CANARY, true).encode());
      assertEquals(200, streamed.statusCode());
      assertTrue(streamed.bodyAsString().contains(REPLY_CANARY), "the canary went through the stream");
      assertEquals(200, g.postJson("/v1/safe", key, chat(CRISIS, false).encode()).statusCode());
      HttpResponse<Buffer> failed = g.postJson("/v1/safe", key, chat("please fail " + CONTENT_CANARY, false).encode());
      assertTrue(failed.statusCode() >= 400, failed::bodyAsString);
      assertFalse(failed.bodyAsString().contains(UPSTREAM_KEY), "the upstream key is not echoed to the caller");
      assertEquals(200, g.get("/v1/models", key).statusCode());
      assertEquals(400, g.postJson("/v1/evaluate", key, "{\"text\": \"" + CONTENT_CANARY).statusCode());
      assertEquals(401, g.postJson("/v1/evaluate", "nope_live_" + CONTENT_CANARY + "0000000000000000000000", "{}").statusCode());
      g.get("/v1/signpost?country=US&q=" + CONTENT_CANARY, key);
      g.send(HttpMethod.POST, "/v1/webhooks/" + hook.getString("id") + "/test", key, null);
      long deadline = System.currentTimeMillis() + 10_000;
      while (received.size() < 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(received.size() >= 2, "the risk and test events were delivered: " + received.size());
      assertTrue(received.stream().anyMatch(b -> b.contains(CONTENT_CANARY)), "the webhook carried the conversation (include_conversation)");
    } finally {
      root.detachAppender(capture);
      upstream.close().await();
      receiver.close().await();
    }

    // Then
    List<String> lines = capture.lines;
    assertTrue(lines.stream().filter(l -> l.contains("event=http")).count() >= 14, "the access log was captured: " + lines.size());
    Map<String, String> secrets = Map.of(
        "message content", CONTENT_CANARY,
        "upstream reply", REPLY_CANARY,
        "API key", key,
        "API key secret part", key.substring(key.length() - 16),
        "upstream key", UPSTREAM_KEY,
        "webhook secret", secret,
        "admin token", TestGateway.ADMIN_TOKEN);
    secrets.forEach((what, value) -> {
      for (String line : lines) {
        assertFalse(line.contains(value), "the " + what + " was logged: " + line);
      }
    });
  }

  @Test
  void no_error_answer_has_a_server_banner_or_a_stack_trace(Vertx vertx) {
    try (TestGateway g = TestGateway.start(vertx)) {
      String key = g.createKey("errors");
      String[] posts = {"/v1/evaluate", "/v1/screen", "/v0/screen", "/v1/ocular", "/v1/safe", "/v1/chat/completions",
          "/v1/safe/chat/completions", "/v1/try/evaluate", "/v1/try/ocular", "/v1/webhooks", "/admin/v1/keys",
          "/admin/v1/keys/k_missing/balance", "/v1/webhooks/wh_missing/test", "/nowhere"};
      String[] bodies = {"{\"text\": \"unterminated", "[]", "{\"messages\": 7}", "{\"text\": null}", "\u0000\u00ff", "{}"};
      for (String path : posts) {
        for (String body : bodies) {
          for (String bearer : new String[] {key, null, TestGateway.ADMIN_TOKEN}) {
            check(path, g.send(HttpMethod.POST, path, bearer, body));
          }
        }
      }
      String[] gets = {"/v1/signpost?country=%ZZ", "/v1/resources/%00", "/v1/webhooks/wh_missing", "/v1/webhooks/x/deliveries", "/v1/webhooks/%00",
          "/v1/webhooks/%00/deliveries", "/admin/v1/keys/%00",
          "/admin/v1/keys/k_missing", "/admin/v1/usage?from=yesterday", "/v1/models", "/dashboard/../../etc/passwd", "/metrics/x"};
      for (String path : gets) {
        for (String bearer : new String[] {key, null, TestGateway.ADMIN_TOKEN}) {
          check(path, g.send(HttpMethod.GET, path, bearer, null));
        }
      }
      check("PATCH key", g.send(HttpMethod.PATCH, "/admin/v1/keys/k_missing", TestGateway.ADMIN_TOKEN, "{\"plan\": 5}"));
      check("DELETE key", g.send(HttpMethod.DELETE, "/admin/v1/keys/k_missing", TestGateway.ADMIN_TOKEN, null));
      check("PUT", g.send(HttpMethod.PUT, "/v1/evaluate", key, "{}"));
    }
  }

  private static void check(String what, HttpResponse<Buffer> r) {
    String body = r.bodyAsString() == null ? "" : r.bodyAsString();
    assertNull(r.getHeader("Server"), what + ": no Server banner");
    assertNull(r.getHeader("X-Powered-By"), what + ": no X-Powered-By banner");
    assertNotEquals(500, r.statusCode(), what + ": bad input is never a 500: " + body);
    for (String trace : new String[] {"\tat ", "Exception", "io.vertx", "dev.lifeguard", "java.", "com.fasterxml"}) {
      assertFalse(body.contains(trace), what + " " + r.statusCode() + ": no stack trace or class names in the answer: " + body);
    }
  }

  @Test
  void without_an_admin_token_the_admin_api_and_the_dashboard_do_not_exist(Vertx vertx) {
    try (TestGateway g = TestGateway.start(vertx, Map.of("LIFEGUARD_ADMIN_TOKEN", ""))) {
      for (String path : new String[] {"/admin/v1/keys", "/admin/v1/usage", "/admin/v1/balances", "/admin/v1/dashboard",
          "/dashboard", "/dashboard/", "/dashboard/index.html"}) {
        for (String bearer : new String[] {null, TestGateway.ADMIN_TOKEN}) {
          assertEquals(404, g.get(path, bearer).statusCode(), path);
        }
      }
      assertEquals(404, g.postJson("/admin/v1/keys", TestGateway.ADMIN_TOKEN, "{\"name\":\"x\"}").statusCode());
    }
  }
}
