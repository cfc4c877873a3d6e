package dev.lifeguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  private LifeguardConfig load(String yaml, Map<String, String> env) throws IOException {
    Path file = dir.resolve("lifeguard.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(Optional.of(file), env);
  }

  private String failure(String yaml, Map<String, String> env) {
    return assertThrows(ConfigException.class, () -> load(yaml, env)).getMessage();
  }

  @Test
  void defaults_need_nothing() {
    LifeguardConfig config = ConfigLoader.defaults(Map.of());
    assertEquals(8080, config.server().port());
    assertEquals("0.0.0.0", config.server().host());
    assertTrue(config.database().embedded());
    assertEquals(Path.of("./data"), config.database().dataDir());
    assertFalse(config.admin().enabled());
    assertEquals(524_288, config.limits().maxBodyBytes());
    assertFalse(config.privacy().storeContent());
  }

  @Test
  void the_shipped_config_file_is_valid_and_matches_the_defaults() {
    LifeguardConfig shipped = ConfigLoader.load(Optional.of(Path.of("config/lifeguard.yaml")), Map.of());
    assertEquals(ConfigLoader.defaults(Map.of()), shipped);
  }

  @Test
  void environment_overrides_the_file() throws IOException {
    LifeguardConfig config = load("server:\n  port: 9000\n", Map.of(
        "LIFEGUARD_PORT", "9100",
        "LIFEGUARD_DATABASE_URL", "postgresql://u:p@db.example:5432/lg",
        "LIFEGUARD_ADMIN_TOKEN", "0123456789abcdef0123",
        "LIFEGUARD_DATA_DIR", "/var/lib/lifeguard"));
    assertEquals(9100, config.server().port());
    assertFalse(config.database().embedded());
    assertEquals("db.example", config.database().url().orElseThrow().getHost());
    assertTrue(config.admin().enabled());
    assertEquals(Path.of("/var/lib/lifeguard"), config.database().dataDir());
  }

  @Test
  void invalid_value_names_the_setting_the_value_and_what_is_allowed() {
    assertEquals("invalid setting server.port = 'eighty': must be an integer from 0 to 65535",
        failure("server:\n  port: eighty\n", Map.of()));
    assertEquals("invalid setting server.port = '70000': must be an integer from 0 to 65535",
        failure("", Map.of("LIFEGUARD_PORT", "70000")));
    assertEquals("invalid setting privacy.store_content = 'maybe': must be true or false",
        failure("privacy:\n  store_content: maybe\n", Map.of()));
    assertEquals("invalid setting upstream.url = 'ftp://x': must be a URL starting with http://, https://",
        failure("upstream:\n  url: ftp://x\n", Map.of()).replace("https://, http://", "http://, https://"));
  }

  @Test
  void secrets_are_never_echoed_in_errors() {
    String message = failure("", Map.of("LIFEGUARD_ADMIN_TOKEN", "short-secret"));
    assertEquals("invalid setting admin.token = (hidden): must be at least 16 characters", message);
    String db = failure("", Map.of("LIFEGUARD_DATABASE_URL", "mysql://user:hunter2@host/db"));
    assertFalse(db.contains("hunter2"), db);
    assertTrue(db.startsWith("invalid setting database.url = (hidden)"), db);
  }

  @Test
  void unknown_settings_are_rejected_rather_than_ignored() {
    assertEquals("unknown setting server.prot: not a Lifeguard setting (check the spelling against config/lifeguard.yaml)",
        failure("server:\n  prot: 9000\n", Map.of()));
    assertTrue(failure("limts:\n  max_messages: 5\n", Map.of()).startsWith("unknown setting limts"));
  }

  @Test
  void unreadable_files_are_reported() {
    assertTrue(failure("server: [unclosed\n", Map.of()).contains("is not valid YAML"));
    assertTrue(failure("- a\n- b\n", Map.of()).contains("must be a YAML mapping"));
    ConfigException missing = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(Optional.of(dir.resolve("absent.yaml")), Map.of()));
    assertTrue(missing.getMessage().contains("does not exist"));
  }

  @Test
  void secrets_do_not_appear_in_toString() {
    LifeguardConfig config = ConfigLoader.defaults(Map.of(
        "LIFEGUARD_ADMIN_TOKEN", "0123456789abcdef-secret",
        "LIFEGUARD_UPSTREAM_API_KEY", "sk-upstream-secret",
        "LIFEGUARD_DATABASE_URL", "postgresql://u:db-secret@h:5432/x"));
    String text = config.toString();
    assertFalse(text.contains("secret"), text);
  }

  @Test
  void upstream_settings_are_read_with_their_defaults() throws IOException {
    UpstreamConfig defaults = ConfigLoader.defaults(Map.of()).upstream();
    assertFalse(defaults.configured());
    assertEquals(java.time.Duration.ofSeconds(30), defaults.firstByteTimeout());
    assertEquals(2, defaults.retries());
    assertEquals(64, defaults.maxConnections());

    UpstreamConfig upstream = load("""
        upstream:
          url: http://primary:11434/v1
          api_key: sk-primary
          retries: 0
          model_map: {gpt-4o-mini: "llama3.1:8b"}
          default_model: qwen2.5
          models: [a, b]
          fallbacks:
            - url: https://backup.example/v1
              api_key: sk-backup
            - url: http://third/v1
        """, Map.of()).upstream();
    assertEquals(0, upstream.retries());
    assertEquals(Optional.of("llama3.1:8b"), upstream.upstreamModel(Optional.of("gpt-4o-mini")));
    assertEquals(Optional.of("other"), upstream.upstreamModel(Optional.of("other")));
    assertEquals(Optional.of("qwen2.5"), upstream.upstreamModel(Optional.empty()));
    assertEquals(java.util.List.of("a", "b"), upstream.models());
    assertEquals(3, upstream.endpoints().size());
    assertEquals(Optional.of("sk-backup"), upstream.endpoints().get(1).apiKey());
    assertEquals(Optional.empty(), upstream.endpoints().get(2).apiKey());
    assertFalse(upstream.toString().contains("sk-"), upstream.toString());
  }

  @Test
  void upstream_fallbacks_are_validated_like_top_level_settings() {
    assertEquals("unknown setting upstream.fallbacks[0].key: not a Lifeguard setting (check the spelling against config/lifeguard.yaml)",
        failure("upstream:\n  url: http://a/v1\n  fallbacks:\n    - url: http://b/v1\n      key: x\n", Map.of()));
    assertEquals("invalid setting upstream.fallbacks[0].url = '': is required: the fallback's base URL",
        failure("upstream:\n  url: http://a/v1\n  fallbacks:\n    - api_key: sk-x\n", Map.of()));
    assertTrue(failure("upstream:\n  fallbacks:\n    - url: http://b/v1\n", Map.of()).contains("needs upstream.url"));
    assertTrue(failure("upstream:\n  model_map: [a]\n", Map.of()).startsWith("invalid setting upstream.model_map"));
  }

  @Test
  void fallback_keys_are_never_echoed_in_errors() {
    String message = failure("upstream:\n  url: http://a/v1\n  fallbacks:\n    - url: http://b/v1\n      api_key: [sk-leaky-secret]\n", Map.of());
    assertEquals("invalid setting upstream.fallbacks[0].api_key = (hidden): must be a single value", message);
  }

  @Test
  void webhook_retries_default_to_the_documented_schedule_and_the_lease_must_outlast_a_delivery() throws IOException {
    WebhooksConfig defaults = ConfigLoader.defaults(Map.of()).webhooks();
    assertEquals(java.util.List.of(java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(10), java.time.Duration.ofHours(1)),
        defaults.retrySchedule());
    assertEquals(4, defaults.maxAttempts());
    assertFalse(defaults.allowPrivateAddresses());
    assertEquals(java.util.List.of(java.time.Duration.ofMillis(100), java.time.Duration.ZERO),
        load("webhooks:\n  retry_schedule_millis: [100, 0]\n", Map.of()).webhooks().retrySchedule());
    assertEquals("invalid setting webhooks.lease_millis = '20000': must exceed webhooks.timeout_millis by at least 5000 (35000)",
        failure("webhooks:\n  timeout_millis: 30000\n  lease_millis: 20000\n", Map.of()));
    assertEquals("invalid setting webhooks.retry_schedule_millis = '1m': must be a list of waits in milliseconds (0 to 999999999)",
        failure("webhooks:\n  retry_schedule_millis: [1m]\n", Map.of()));
  }

  @Test
  void cluster_settings_default_to_one_machine_and_need_tls_to_leave_it() throws IOException {
    ClusterConfig defaults = ConfigLoader.defaults(Map.of()).cluster();
    assertEquals("127.0.0.1", defaults.host());
    assertEquals(java.util.List.of("127.0.0.1"), defaults.members());
    assertEquals(java.time.Duration.ofSeconds(5), defaults.heartbeatTimeout());
    assertFalse(defaults.tls());
    ClusterConfig env = ConfigLoader.defaults(Map.of("LIFEGUARD_CLUSTER_MEMBERS", "10.0.0.1:5701, inference-0.lg")).cluster();
    assertEquals(java.util.List.of("10.0.0.1:5701", "inference-0.lg"), env.members());
    assertEquals("invalid setting cluster.host = '10.0.0.7': a non-loopback address needs cluster.key_store (conversation text crosses the network)",
        failure("cluster:\n  host: 10.0.0.7\n", Map.of()));
    assertEquals("invalid setting cluster.members = 'a b': must be a list of host or host:port entries",
        failure("cluster:\n  members: [a b]\n", Map.of()));
    Path store = Files.writeString(dir.resolve("cluster.p12"), "not checked until start-up");
    assertEquals("invalid setting cluster.key_store_password = (hidden): must be set when cluster.key_store is",
        failure("cluster:\n  key_store: " + store + "\n", Map.of()));
    assertEquals("invalid setting cluster.key_store = '" + dir.resolve("absent.p12") + "': must be a readable PKCS#12 file",
        failure("cluster:\n  key_store: " + dir.resolve("absent.p12") + "\n  key_store_password: x\n", Map.of()));
    ClusterConfig tls = load("cluster:\n  host: 10.0.0.7\n  key_store: " + store + "\n", Map.of("LIFEGUARD_CLUSTER_KEY_STORE_PASSWORD", "s3cret-pw")).cluster();
    assertTrue(tls.tls());
    assertFalse(tls.toString().contains("s3cret-pw"), tls.toString());
  }
}
