package dev.lifeguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.JarProcess;
import dev.lifeguard.testing.TestDatabase;
import dev.lifeguard.testing.TestGateway;
import dev.lifeguard.testing.Sql;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run the way the README says: boot, keys, SIGTERM, bad config, embedded data that persists. */
class ServerProcessIT {
  private static final Duration BOOT = Duration.ofSeconds(60);
  private static final String ADMIN = "process-admin-token-0123456789";
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path work;

  private HttpResponse<String> get(int port, String path, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int portOf(String listeningLine) {
    assertTrue(listeningLine.matches("Lifeguard listening on http://\\S+:\\d+"), listeningLine);
    return Integer.parseInt(listeningLine.substring(listeningLine.lastIndexOf(':') + 1));
  }

  @Test
  void serves_with_a_key_from_the_cli_then_drains_and_exits_0_on_sigterm() throws Exception {
    URI db = TestDatabase.fresh();
    int port = TestGateway.freePort();
    Map<String, String> env = Map.of("LIFEGUARD_DATABASE_URL", db.toString(), "LIFEGUARD_PORT", Integer.toString(port),
        "LIFEGUARD_ADMIN_TOKEN", ADMIN);
    try (JarProcess server = JarProcess.start(work, env)) {
      assertEquals(port, portOf(server.nextLine(BOOT)));

      JarProcess cli = JarProcess.start(work, env, "keys", "create", "--name", "readme", "--plan", "pro");
      assertEquals(0, cli.waitFor(BOOT), cli::stderr);
      List<String> out = cli.remainingStdout();
      assertEquals(1, out.size(), "keys create prints the key and nothing else: " + out);
      String key = out.get(0);
      assertTrue(key.startsWith("nope_live_"), key);

      HttpResponse<String> us = get(port, "/v1/signpost?country=US", key);
      assertEquals(200, us.statusCode());
      assertTrue(us.body().contains("\"phone\":\"988\""));

      // A request whose body is still arriving when SIGTERM comes is completed, and what it did is kept.
      String body = "{\"name\":\"created during shutdown\"}";
      try (Socket socket = new Socket("127.0.0.1", port)) {
        OutputStream request = socket.getOutputStream();
        request.write(("POST /admin/v1/keys HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN + "\r\n"
            + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        request.write(body.substring(0, 10).getBytes(StandardCharsets.UTF_8));
        request.flush();
        Thread.sleep(300);
        server.terminate();
        Thread.sleep(500);
        request.write(body.substring(10).getBytes(StandardCharsets.UTF_8));
        request.flush();
        String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertEquals("HTTP/1.1 201 Created", status);
      }
      assertEquals(0, server.waitFor(Duration.ofSeconds(40)), server::stderr);
      assertTrue(server.stderr().contains("event=shutdown_complete"), server.stderr());
      assertEquals(1, Sql.count(db, "SELECT count(*) FROM api_keys WHERE name = 'created during shutdown'"));
    }
  }

  @Test
  void an_invalid_setting_stops_start_up_with_one_line_naming_it() throws Exception {
    try (JarProcess server = JarProcess.start(work, Map.of("LIFEGUARD_PORT", "http"))) {
      assertEquals(2, server.waitFor(BOOT));
      assertEquals("lifeguard: invalid setting server.port = 'http': must be an integer from 0 to 65535", server.stderr().strip());
    }
    Path config = Files.writeString(work.resolve("bad.yaml"), "limits:\n  max_messages: 0\n");
    try (JarProcess server = JarProcess.start(work, Map.of(), "--config", config.toString())) {
      assertEquals(2, server.waitFor(BOOT));
      assertEquals("lifeguard: invalid setting limits.max_messages = '0': must be an integer from 1 to 10000", server.stderr().strip());
    }
  }

  @Test
  void keys_create_rejects_an_unknown_plan() throws Exception {
    try (JarProcess cli = JarProcess.start(work, Map.of("LIFEGUARD_DATABASE_URL", TestDatabase.fresh().toString()),
        "keys", "create", "--name", "x", "--plan", "platinum")) {
      assertEquals(2, cli.waitFor(BOOT));
      assertTrue(cli.stderr().contains("--plan plan must be one of free, pro, enterprise"), cli.stderr());
      assertTrue(cli.remainingStdout().isEmpty());
    }
  }

  @Test
  void embedded_database_keeps_data_across_restarts_and_the_cli_works_beside_a_running_server() throws Exception {
    Path data = work.resolve("data");
    Map<String, String> env = Map.of("LIFEGUARD_DATA_DIR", data.toString());
    String key;
    try (JarProcess server = JarProcess.start(work, Map.of("LIFEGUARD_DATA_DIR", data.toString(), "LIFEGUARD_PORT", "0"))) {
      int port = portOf(server.nextLine(BOOT));
      JarProcess cli = JarProcess.start(work, env, "keys", "create", "--name", "beside", "--test");
      assertEquals(0, cli.waitFor(BOOT), cli::stderr);
      key = cli.remainingStdout().get(0);
      assertTrue(key.startsWith("nope_test_"));
      assertEquals(200, get(port, "/v1/signpost?country=GB", key).statusCode(), "a key made beside the server works at once");
      server.terminate();
      assertEquals(0, server.waitFor(Duration.ofSeconds(40)), server::stderr);
    }
    assertFalse(Files.exists(data.resolve("postgres/postmaster.pid")), "the embedded database was stopped");
    try (JarProcess again = JarProcess.start(work, Map.of("LIFEGUARD_DATA_DIR", data.toString(), "LIFEGUARD_PORT", "0"))) {
      int port = portOf(again.nextLine(BOOT));
      assertEquals(200, get(port, "/v1/signpost?country=GB", key).statusCode(), "the key survived the restart");
      again.terminate();
      assertEquals(0, again.waitFor(Duration.ofSeconds(40)), again::stderr);
    }
  }
}
