package dev.lifeguard.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lifeguard.config.LimitsConfig;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A burst of the largest requests the gateway accepts, and of some just too large, at the two routes
 * that hold a whole conversation (evaluate, and safe with its upstream call): every caller gets a
 * clear answer (200, 413, 429 or 503, never a 500 or a dropped connection), the heap the gateway
 * keeps afterwards stays bounded (it runs in this JVM), and it keeps serving.
 */
class MaximalRequestsIT {
  private static final int CONCURRENT = 64;
  private static final int MAX_BODY = LimitsConfig.DEFAULT_MAX_BODY_BYTES;
  /** What the gateway may keep after the burst (caches of per-message results, pools, JIT): far below the 32 MB sent. */
  private static final long RETAINED_BOUND_BYTES = 48L * 1024 * 1024;
  private static final Set<Integer> CLEAR_ANSWERS = Set.of(200, 413, 429, 503);

  @Test
  void a_burst_of_maximal_requests_gets_clear_answers_in_bounded_memory() throws Exception {
    Vertx vertx = Vertx.vertx();
    WireMockServer upstream = new WireMockServer(options().dynamicPort());
    upstream.start();
    upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(UpstreamFaultsIT.completion("Goldfish like names such as Bubbles or Captain Fin."))));
    try (TestGateway g = TestGateway.startWithYaml(vertx, "upstream:\n  url: http://127.0.0.1:" + upstream.port() + "/v1\n")) {
      String key = g.createKey("maximal");
      warmUp(g, key);
      long before = usedHeapAfterGc();

      // When: 64 at once (64 connections), a quarter of them one byte over the limit.
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(g.port()),
          new PoolOptions().setHttp1MaxSize(CONCURRENT));
      List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
      List<Boolean> over = new ArrayList<>();
      for (int i = 0; i < CONCURRENT; i++) {
        boolean tooLarge = i % 4 == 3;
        String path = i % 2 == 0 ? "/v1/evaluate" : "/v1/safe";
        over.add(tooLarge);
        calls.add(client.post(path).putHeader("Authorization", "Bearer " + key).putHeader("Content-Type", "application/json")
            .timeout(120_000).sendBuffer(body(i, tooLarge ? MAX_BODY + 1 : MAX_BODY)));
      }
      Future.join(calls).await();
      client.close();
      long after = usedHeapAfterGc();

      // Then: every call was answered, clearly.
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (int i = 0; i < CONCURRENT; i++) {
        Future<HttpResponse<Buffer>> call = calls.get(i);
        assertTrue(call.succeeded(), "call " + i + " got an answer, not a dropped connection: " + call.cause());
        HttpResponse<Buffer> r = call.result();
        statuses.merge(r.statusCode(), 1, Integer::sum);
        assertTrue(CLEAR_ANSWERS.contains(r.statusCode()), "call " + i + ": " + r.statusCode() + " " + r.bodyAsString());
        String text = r.bodyAsString();
        assertFalse(text.contains("Exception") || text.contains("internal_error"), text);
        if (over.get(i)) {
          assertEquals(413, r.statusCode(), "one byte over the limit: " + text);
          assertTrue(text.contains("Payload too large") && text.contains(Integer.toString(MAX_BODY)), "names the limit: " + text);
        } else {
          assertTrue(r.statusCode() != 413, "a body exactly at the limit is accepted: " + text);
          if (r.statusCode() == 503 || r.statusCode() == 429) {
            assertTrue(Integer.parseInt(r.getHeader("Retry-After")) > 0, "told when to retry: " + text);
          }
        }
      }
      System.out.printf("maximal burst: statuses %s, heap after GC %d MB before, %d MB after%n", statuses,
          before >> 20, after >> 20);
      assertTrue(statuses.getOrDefault(200, 0) > 0, "some were served: " + statuses);
      assertTrue(after - before < RETAINED_BOUND_BYTES, "heap kept after the burst grew by " + ((after - before) >> 20) + " MB");

      // And: it keeps serving.
      HttpResponse<Buffer> normal = g.postJson("/v1/evaluate", key, conversation("what's a good name for a goldfish?").encode());
      assertEquals(200, normal.statusCode(), normal::bodyAsString);
    } finally {
      upstream.stop();
      vertx.close().await();
    }
  }

  /** One ordinary call per route, so class loading and the classifier's first run are not counted as retained heap. */
  private static void warmUp(TestGateway g, String key) {
    for (String path : List.of("/v1/evaluate", "/v1/safe")) {
      HttpResponse<Buffer> r = g.postJson(path, key, conversation("how do I keep banana bread moist?").encode());
      assertEquals(200, r.statusCode(), r::bodyAsString);
    }
  }

  private static JsonObject conversation(String text) {
    return new JsonObject().put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", text)))
        .put("config", new JsonObject().put("user_country", "US"));
  }

  /**
   * A chat that re-sends a long history (nine messages near the 50 KB per-message limit, the same in
   * every call, as a chat app does) and a new last turn of its own, padded with JSON whitespace to
   * exactly {@code size} bytes.
   */
  private static Buffer body(int n, int size) {
    String history = "I have been thinking about the garden and what to plant next spring, maybe tomatoes. ".repeat(560);
    JsonArray messages = new JsonArray();
    for (int i = 0; i < 9; i++) {
      messages.add(new JsonObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", history));
    }
    messages.add(new JsonObject().put("role", "user").put("content", "and what should I call goldfish number " + n + "?"));
    String json = new JsonObject().put("messages", messages).put("config", new JsonObject().put("user_country", "US")).encode();
    int length = json.getBytes(StandardCharsets.UTF_8).length;
    if (length > size) {
      throw new IllegalStateException("the conversation alone is " + length + " bytes");
    }
    return Buffer.buffer(json.substring(0, json.length() - 1) + " ".repeat(size - length) + "}");
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
