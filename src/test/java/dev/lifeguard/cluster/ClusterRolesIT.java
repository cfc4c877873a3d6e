package dev.lifeguard.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.JarProcess;
import dev.lifeguard.testing.TestDatabase;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One gateway process and one inference process on loopback, as an operator runs them
 * ({@code --role gateway}, {@code --role inference}, event-bus TLS on): the gateway screens through
 * the inference node; when that node is killed the gateway fails closed (503 + Retry-After) within
 * its classifier timeout; when a new inference node starts, the same gateway serves again.
 */
class ClusterRolesIT {
  private static final Duration BOOT = Duration.ofSeconds(90);
  private static final String ADMIN = "cluster-admin-token-0123456789";
  private static final String STORE_PASSWORD = "cluster-store-password";
  /** inference.timeout_millis for the test: the longest a gateway may take to say 503 for a dead node. */
  private static final int TIMEOUT_MILLIS = 3_000;
  /** Beyond the timeout: an event loop on a busy 2-core CI machine, the HTTP round trip. */
  private static final long SLACK_MILLIS = 3_000;
  private static final String CANARY = "numbatcanary2291";

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path work;

  @Test
  void a_gateway_fails_closed_while_its_inference_node_is_down_and_serves_again_when_one_returns() throws Exception {
    Path store = keyStore();
    int gatewayPort = TestGateway.freePort();
    int gatewayCluster = TestGateway.freePort();
    int inferenceCluster = TestGateway.freePort();
    Path inferenceConfig = config("inference.yaml", TestGateway.freePort(), inferenceCluster, gatewayCluster, inferenceCluster, store);
    Path gatewayConfig = config("gateway.yaml", gatewayPort, gatewayCluster, gatewayCluster, inferenceCluster, store);
    Map<String, String> inferenceEnv = Map.of("LIFEGUARD_CLUSTER_KEY_STORE_PASSWORD", STORE_PASSWORD);
    Map<String, String> gatewayEnv = Map.of("LIFEGUARD_CLUSTER_KEY_STORE_PASSWORD", STORE_PASSWORD,
        "LIFEGUARD_DATABASE_URL", TestDatabase.fresh().toString(), "LIFEGUARD_ADMIN_TOKEN", ADMIN);

    JarProcess inference = JarProcess.start(work, inferenceEnv, "--config", inferenceConfig.toString(), "--role", "inference");
    try (JarProcess gateway = JarProcess.start(work, gatewayEnv, "--config", gatewayConfig.toString(), "--role", "gateway")) {
      int inferencePort = portOf(inference.nextLine(BOOT));
      assertEquals(gatewayPort, portOf(gateway.nextLine(BOOT)), gateway::stderr);
      awaitStatus(gatewayPort, "/health/ready", 200, Duration.ofSeconds(30));
      assertTrue(gateway.stderr().contains("event_bus_tls=true"), "conversations cross the event bus encrypted");
      String key = createKey(gatewayPort);

      // Given a gateway and an inference node: real classifications, computed on the inference node.
      JsonObject crisis = new JsonObject(screen(gatewayPort, key, "i have all the pills in my hand and tonight i am taking them " + CANARY).body());
      assertTrue(crisis.getBoolean("suicidal_ideation"), crisis::encode);
      assertTrue(crisis.getBoolean("show_resources"), crisis::encode);
      JsonObject benign = new JsonObject(screen(gatewayPort, key, "what's a good recipe for banana bread?").body());
      assertFalse(benign.getBoolean("show_resources"), benign::encode);
      assertEquals(404, get(inferencePort, "/v1/screen").statusCode(), "an inference node serves no API");
      assertEquals(200, get(inferencePort, "/health/ready").statusCode());
      assertEquals(200, get(inferencePort, "/metrics").statusCode());

      // When the inference node dies
      inference.kill();

      // Then the gateway fails closed within its timeout, and says so to its load balancer
      long start = System.nanoTime();
      HttpResponse<String> down = screen(gatewayPort, key, "i can't stop thinking about ending it " + CANARY);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(503, down.statusCode(), down.body());
      assertTrue(down.headers().firstValue("Retry-After").isPresent(), "Retry-After");
      assertTrue(millis < TIMEOUT_MILLIS + SLACK_MILLIS, "503 after " + millis + " ms");
      awaitStatus(gatewayPort, "/health/ready", 503, Duration.ofSeconds(15));

      // When a new inference node starts, the same gateway serves again
      long restart = System.nanoTime();
      try (JarProcess again = JarProcess.start(work, inferenceEnv, "--config", inferenceConfig.toString(), "--role", "inference")) {
        portOf(again.nextLine(BOOT));
        long listening = System.nanoTime();
        JsonObject back = awaitScreened(gatewayPort, key, "i want to kill myself " + CANARY, Duration.ofSeconds(45));
        System.out.printf("cluster: 503 %d ms after the kill; restarted node listening after %d ms, serving through the gateway %d ms later%n",
            millis, TimeUnit.NANOSECONDS.toMillis(listening - restart), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - listening));
        assertTrue(back.getBoolean("suicidal_ideation"), back::encode);
        assertTrue(gateway.isAlive(), "the gateway was never restarted");
        awaitStatus(gatewayPort, "/health/ready", 200, Duration.ofSeconds(15));
        for (JarProcess p : List.of(gateway, inference, again)) {
          assertFalse(p.stderr().contains(CANARY), "no process logs message content");
        }
        again.terminate();
        assertEquals(0, again.waitFor(Duration.ofSeconds(40)), again::stderr);
      }
      gateway.terminate();
      assertEquals(0, gateway.waitFor(Duration.ofSeconds(40)), gateway::stderr);
    } finally {
      inference.close();
    }
  }

  /** A self-signed key and certificate for the cluster, as an operator would make with keytool. */
  private Path keyStore() throws Exception {
    Path store = work.resolve("cluster.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "lifeguard-cluster", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=lifeguard-cluster", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
        .redirectErrorStream(true).start();
    String out = new String(keytool.getInputStream().readAllBytes());
    assertEquals(0, keytool.waitFor(), out);
    return store;
  }

  private Path config(String name, int httpPort, int clusterPort, int gatewayCluster, int inferenceCluster, Path store) throws Exception {
    return Files.writeString(work.resolve(name), String.join("\n",
        "server:",
        "  host: 127.0.0.1",
        "  port: " + httpPort,
        "  instances: 1",
        "inference:",
        "  workers: 1",
        "  timeout_millis: " + TIMEOUT_MILLIS,
        "cluster:",
        "  host: 127.0.0.1",
        "  port: " + clusterPort,
        "  members: [127.0.0.1:" + gatewayCluster + ", 127.0.0.1:" + inferenceCluster + "]",
        "  key_store: " + store,
        ""));
  }

  private static int portOf(String listeningLine) {
    assertTrue(listeningLine.matches("Lifeguard listening on http://\\S+:\\d+"), listeningLine);
    return Integer.parseInt(listeningLine.substring(listeningLine.lastIndexOf(':') + 1));
  }

  private String createKey(int port) throws Exception {
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/v1/keys"))
        .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"cluster\",\"plan\":\"enterprise\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());
    return new JsonObject(created.body()).getString("key");
  }

  private HttpResponse<String> screen(int port, String key, String text) throws Exception {
    String body = new JsonObject().put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", text))).encode();
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/screen"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void awaitStatus(int port, String path, int status, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    HttpResponse<String> last;
    do {
      last = get(port, path);
      if (last.statusCode() == status) {
        return;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(path + " did not answer " + status + " within " + within + ": " + last.statusCode() + " " + last.body());
  }

  /** Screens the same text until it is answered (each try is a new conversation to the gateway only after a 503). */
  private JsonObject awaitScreened(int port, String key, String text, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    HttpResponse<String> last;
    do {
      last = screen(port, key, text);
      if (last.statusCode() == 200) {
        return new JsonObject(last.body());
      }
      assertEquals(503, last.statusCode(), last.body());
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the gateway did not recover within " + within + ": " + last.statusCode() + " " + last.body());
  }
}
