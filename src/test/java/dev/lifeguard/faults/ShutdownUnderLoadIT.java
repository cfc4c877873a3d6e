package dev.lifeguard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.JarProcess;
import dev.lifeguard.testing.TestDatabase;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar under load gets SIGTERM with evaluate calls in flight and a /v1/safe stream open:
 * the calls complete, the stream ends well-formed, every 200 has its usage record, and the process
 * exits 0 within the grace period plus a margin.
 */
class ShutdownUnderLoadIT {
  static final Duration BOOT = Duration.ofSeconds(60);
  static final int GRACE_SECONDS = 10;
  static final String ADMIN = "shutdown-admin-token-0123456789";
  /** About 6 KB of text: long enough that some evaluations are always mid-assessment. */
  static final String LONG_TEXT = "I have been thinking about the garden and the weather this week. ".repeat(90);
  static final int STREAM_CHUNKS = 40;

  record Call(int status, String requestId, long startedAt, long endedAt, String error) {}

  @TempDir
  Path work;
  private Vertx vertx;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** An upstream that streams a sentence every 100 ms, then [DONE]: about 4 s per reply. */
  private HttpServer slowUpstream() {
    return vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
      int[] sent = {0};
      vertx.setPeriodic(100, id -> {
        if (req.response().closed()) {
          vertx.cancelTimer(id);
        } else if (sent[0]++ == STREAM_CHUNKS) {
          vertx.cancelTimer(id);
          req.response().end("data: [DONE]\n\n");
        } else {
          req.response().write("data: " + new JsonObject().put("id", "c").put("object", "chat.completion.chunk").put("choices",
              new JsonArray().add(new JsonObject().put("index", 0).put("delta",
                  new JsonObject().put("content", "The garden is lovely in spring. ")))).encode() + "\n\n");
        }
      });
    })).listen(0, "127.0.0.1").await();
  }

  private HttpRequest.Builder post(int port, String path, String bearer, JsonObject body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
  }

  private static Set<String> requestIds(URI db) throws Exception {
    Set<String> out = new HashSet<>();
    try (Connection c = DriverManager.getConnection(TestDatabase.jdbc(db), TestDatabase.user(db), TestDatabase.password(db));
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT request_id FROM usage_records")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void sigterm_under_load_drains_calls_and_streams_keeps_every_record_and_exits_0(/* When / Then inline */) throws Exception {
    URI db = TestDatabase.fresh();
    int port = TestGateway.freePort();
    HttpServer upstream = slowUpstream();
    Path config = Files.writeString(work.resolve("lifeguard.yaml"), "server:\n  shutdown_grace_seconds: " + GRACE_SECONDS + "\n"
        + "upstream:\n  url: http://127.0.0.1:" + upstream.actualPort() + "/v1\n"
        + "plans:\n  enterprise:\n    requests_per_minute: 1000000\n    requests_per_day: 10000000\n");
    Map<String, String> env = Map.of("LIFEGUARD_DATABASE_URL", db.toString(), "LIFEGUARD_PORT", Integer.toString(port),
        "LIFEGUARD_ADMIN_TOKEN", ADMIN, "LIFEGUARD_INSTANCES", "2");
    try (JarProcess server = JarProcess.start(work, env, "--config", config.toString())) {
      assertTrue(server.nextLine(BOOT).startsWith("Lifeguard listening on"));
      HttpResponse<String> created = http.send(post(port, "/admin/v1/keys", ADMIN, new JsonObject().put("name", "load")
          .put("plan", "enterprise")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(201, created.statusCode(), created.body());
      String key = new JsonObject(created.body()).getString("key");

      // Given a steady load of evaluations and an open stream
      List<Call> calls = new CopyOnWriteArrayList<>();
      List<Thread> load = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        Thread thread = new Thread(() -> {
          while (true) {
            long start = System.nanoTime();
            try {
              HttpResponse<String> r = http.send(post(port, "/v1/evaluate", key, new JsonObject().put("text", LONG_TEXT)).build(),
                  HttpResponse.BodyHandlers.ofString());
              calls.add(new Call(r.statusCode(), r.headers().firstValue("X-Request-Id").orElse(null), start, System.nanoTime(),
                  r.statusCode() == 200 ? null : r.body()));
            } catch (IOException | InterruptedException e) {
              calls.add(new Call(-1, null, start, System.nanoTime(), e.toString()));
              return; // the server has stopped listening
            }
          }
        });
        thread.start();
        load.add(thread);
      }
      long deadline = System.currentTimeMillis() + 30_000;
      while (calls.stream().filter(c -> c.status() == 200).count() < 3 && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(calls.stream().filter(c -> c.status() == 200).count() >= 3, "the load is being served: " + calls);
      JsonObject chat = new JsonObject().put("stream", true).put("messages", new JsonArray()
          .add(new JsonObject().put("role", "user").put("content", "tell me about gardens in spring")));
      CompletableFuture<HttpResponse<String>> stream = http.sendAsync(post(port, "/v1/safe", key, chat).build(),
          HttpResponse.BodyHandlers.ofString());
      Thread.sleep(1_000);
      assertTrue(!stream.isDone(), "the stream is still open");

      // When
      long sigterm = System.nanoTime();
      server.terminate();

      // Then
      int exit = server.waitFor(Duration.ofSeconds(GRACE_SECONDS + 20));
      long exitedMillis = (System.nanoTime() - sigterm) / 1_000_000;
      for (Thread t : load) {
        t.join(10_000);
      }
      assertEquals(0, exit, server::stderr);
      assertTrue(server.stderr().contains("event=shutdown_complete"), server.stderr());
      assertTrue(exitedMillis < (GRACE_SECONDS + 15) * 1000L, "exited within the grace and a margin: " + exitedMillis + " ms");

      HttpResponse<String> streamed = stream.get(5, TimeUnit.SECONDS);
      assertEquals(200, streamed.statusCode());
      assertTrue(streamed.body().strip().endsWith("data: [DONE]"), "the open stream ended well-formed: " + streamed.body());
      assertEquals(STREAM_CHUNKS, streamed.body().split("The garden is lovely", -1).length - 1, "and complete");

      List<Call> answered = calls.stream().filter(c -> c.status() > 0).toList();
      for (Call c : answered) {
        assertEquals(200, c.status(), "every answered call succeeded: " + c);
      }
      assertTrue(answered.stream().anyMatch(c -> c.startedAt() < sigterm && c.endedAt() > sigterm),
          "some evaluations were in flight at SIGTERM and were completed: " + calls.size());
      Set<String> recorded = requestIds(db);
      for (Call c : answered) {
        assertTrue(recorded.contains(c.requestId()), "every 200 has its usage record: " + c);
      }
      assertTrue(recorded.contains(streamed.headers().firstValue("X-Request-Id").orElseThrow()), "and so has the stream");
      System.out.printf("shutdown under load: %d calls answered 200, exit after %d ms%n", answered.size(), exitedMillis);
    } finally {
      upstream.close().await();
    }
  }
}
