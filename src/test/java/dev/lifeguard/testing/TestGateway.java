package dev.lifeguard.testing;

import dev.lifeguard.Lifeguard;
import dev.lifeguard.config.ConfigLoader;
import dev.lifeguard.config.LifeguardConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** A real gateway on a free port against a fresh test database, with a client to call it. */
public final class TestGateway implements AutoCloseable {
  public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

  private final Lifeguard lifeguard;
  private final WebClient client;
  private final URI databaseUrl;

  private TestGateway(Lifeguard lifeguard, WebClient client, URI databaseUrl) {
    this.lifeguard = lifeguard;
    this.client = client;
    this.databaseUrl = databaseUrl;
  }

  public static TestGateway start(Vertx clientVertx) {
    return start(clientVertx, Map.of());
  }

  /** Starts a gateway; {@code env} adds or overrides LIFEGUARD_* settings. */
  public static TestGateway start(Vertx clientVertx, Map<String, String> env) {
    return start(clientVertx, env, TestDatabase.fresh());
  }

  /** A second instance on the same database, as behind a load balancer. */
  public static TestGateway startSharing(Vertx clientVertx, TestGateway first) {
    return start(clientVertx, Map.of(), first.databaseUrl());
  }

  /** A second instance on the same database, with the same extra YAML settings as the first was given. */
  public static TestGateway startSharing(Vertx clientVertx, TestGateway first, String yaml) {
    return start(clientVertx, Map.of(), first.databaseUrl(), yaml);
  }

  /** A gateway with extra YAML settings (e.g. {@code "inference:\n  queue_limit: 1\n"}). */
  public static TestGateway startWithYaml(Vertx clientVertx, String yaml) {
    return start(clientVertx, Map.of(), TestDatabase.fresh(), yaml);
  }

  /** A gateway on an existing database (a restart, or another instance) with extra YAML settings. */
  public static TestGateway startOn(Vertx clientVertx, URI db, String yaml) {
    return start(clientVertx, Map.of(), db, yaml);
  }

  private static TestGateway start(Vertx clientVertx, Map<String, String> env, URI db) {
    return start(clientVertx, env, db, "");
  }

  private static TestGateway start(Vertx clientVertx, Map<String, String> env, URI db, String yaml) {
    Map<String, String> settings = new HashMap<>();
    settings.put("LIFEGUARD_PORT", Integer.toString(freePort()));
    settings.put("LIFEGUARD_HOST", "127.0.0.1");
    settings.put("LIFEGUARD_INSTANCES", "2");
    settings.put("LIFEGUARD_DATABASE_URL", db.toString());
    settings.put("LIFEGUARD_ADMIN_TOKEN", ADMIN_TOKEN);
    settings.putAll(env);
    settings.values().removeIf(v -> v == null || v.isEmpty());
    LifeguardConfig config;
    try {
      Path file = Files.createTempFile("lifeguard-test", ".yaml");
      Files.writeString(file, yaml);
      config = ConfigLoader.load(Optional.of(file), settings);
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Lifeguard lifeguard = Lifeguard.start(config);
    WebClient client = WebClient.create(clientVertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(lifeguard.port()).setKeepAlive(true));
    return new TestGateway(lifeguard, client, db);
  }

  /**
   * A port nobody is listening on, for a server the test starts later. It is drawn at random from
   * below Linux's ephemeral range (32768+): ports handed to outgoing connections and to port-0 binds
   * come from that range, so one of them cannot take the port in the seconds before the server binds
   * it (ClusterRolesIT once lost its gateway port to a connection that way).
   */
  public static int freePort() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_768);
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress("0.0.0.0", port));
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new UncheckedIOException(new IOException("no free port between 20000 and 32767"));
  }

  public int port() {
    return lifeguard.port();
  }

  public URI databaseUrl() {
    return databaseUrl;
  }

  public Lifeguard lifeguard() {
    return lifeguard;
  }

  public WebClient client() {
    return client;
  }

  /**
   * A key created through the admin API, on the enterprise plan so that tests about other things
   * are not rate limited (the enterprise defaults are generous); limit tests create their own keys.
   */
  public String createKey(String name) {
    return createKey(name, "enterprise", false).getString("key");
  }

  /** A key of the given plan: the admin API's answer ({@code id}, {@code key}, …). */
  public JsonObject createKey(String name, String plan, boolean test) {
    HttpResponse<Buffer> r = send(HttpMethod.POST, "/admin/v1/keys", ADMIN_TOKEN,
        new JsonObject().put("name", name).put("plan", plan).put("test", test).encode());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("key creation failed: " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  /** An admin call that must succeed; its JSON answer. */
  public JsonObject admin(HttpMethod method, String path, JsonObject body) {
    HttpResponse<Buffer> r = send(method, path, ADMIN_TOKEN, body == null ? null : body.encode());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(method + " " + path + " failed: " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  public HttpResponse<Buffer> get(String path, String bearer) {
    return send(HttpMethod.GET, path, bearer, null);
  }

  public HttpResponse<Buffer> postJson(String path, String bearer, String body) {
    return send(HttpMethod.POST, path, bearer, body);
  }

  /** Sends a request and waits for the whole response (tests run off the event loop). */
  public HttpResponse<Buffer> send(HttpMethod method, String path, String bearer, String body) {
    HttpRequest<Buffer> request = client.request(method, path).timeout(30_000);
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    if (body == null) {
      return request.send().await();
    }
    request.putHeader("Content-Type", "application/json");
    return request.sendBuffer(Buffer.buffer(body)).await();
  }

  public HttpResponse<Buffer> sendRaw(HttpRequest<Buffer> request, Buffer body) {
    return request.sendBuffer(body).await();
  }

  @Override
  public void close() {
    client.close();
    lifeguard.stop();
  }
}
