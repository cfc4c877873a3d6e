package dev.lifeguard.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code config/lifeguard.yaml} (or a given file), applies {@code LIFEGUARD_*} overrides, validates. */
public final class ConfigLoader {

  public static final Path DEFAULT_FILE = Path.of("config", "lifeguard.yaml");

  /** Environment variable → setting path. The names are part of the operator interface (DESIGN.md). */
  public static final Map<String, String> ENVIRONMENT = environmentNames();

  private static final Set<String> SECRETS = Set.of("admin.token", "upstream.api_key", "upstream.fallbacks[].api_key", "database.url",
      "cluster.key_store_password");

  private ConfigLoader() {}

  /**
   * @param file an explicit {@code --config} file (must exist), or empty for the default file (optional)
   * @param env the process environment
   */
  public static LifeguardConfig load(Optional<Path> file, Map<String, String> env) {
    ObjectNode tree = file.isPresent() ? readYaml(file.get()) : readDefault();
    ENVIRONMENT.forEach((name, path) -> {
      String value = env.get(name);
      if (value != null) {
        put(tree, path, value);
      }
    });
    return LifeguardConfig.read(new Settings(tree, SECRETS));
  }

  /** Defaults only, plus the given overrides (used by tests and tools). */
  public static LifeguardConfig defaults(Map<String, String> env) {
    ObjectNode tree = new ObjectMapper().createObjectNode();
    ENVIRONMENT.forEach((name, path) -> {
      String value = env.get(name);
      if (value != null) {
        put(tree, path, value);
      }
    });
    return LifeguardConfig.read(new Settings(tree, SECRETS));
  }

  private static ObjectNode readDefault() {
    return Files.isRegularFile(DEFAULT_FILE) ? readYaml(DEFAULT_FILE) : new ObjectMapper().createObjectNode();
  }

  private static ObjectNode readYaml(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file " + file + " does not exist");
    }
    try {
      JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      if (node == null || node.isMissingNode() || node.isNull()) {
        return new ObjectMapper().createObjectNode();
      }
      if (!node.isObject()) {
        throw new ConfigException("config file " + file + " must be a YAML mapping of settings");
      }
      return (ObjectNode) node;
    } catch (JacksonException e) {
      throw new ConfigException("config file " + file + " is not valid YAML: " + e.getOriginalMessage().replace('\n', ' '));
    } catch (IOException e) {
      throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
    }
  }

  private static void put(ObjectNode tree, String path, String value) {
    String[] parts = path.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
    }
    node.put(parts[parts.length - 1], value);
  }

  private static Map<String, String> environmentNames() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("LIFEGUARD_HOST", "server.host");
    names.put("LIFEGUARD_PORT", "server.port");
    names.put("LIFEGUARD_INSTANCES", "server.instances");
    names.put("LIFEGUARD_DATABASE_URL", "database.url");
    names.put("LIFEGUARD_DATA_DIR", "database.data_dir");
    names.put("LIFEGUARD_ADMIN_TOKEN", "admin.token");
    names.put("LIFEGUARD_UPSTREAM_URL", "upstream.url");
    names.put("LIFEGUARD_UPSTREAM_API_KEY", "upstream.api_key");
    names.put("LIFEGUARD_STORE_CONTENT", "privacy.store_content");
    names.put("LIFEGUARD_MODELS_DIR", "inference.models_dir");
    names.put("LIFEGUARD_ENCODER_MODEL", "inference.encoder_model");
    names.put("LIFEGUARD_ENCODER_TOKENIZER", "inference.encoder_tokenizer");
    names.put("LIFEGUARD_INFERENCE_WORKERS", "inference.workers");
    names.put("LIFEGUARD_CLUSTER_HOST", "cluster.host");
    names.put("LIFEGUARD_CLUSTER_PORT", "cluster.port");
    names.put("LIFEGUARD_CLUSTER_MEMBERS", "cluster.members");
    names.put("LIFEGUARD_CLUSTER_KEY_STORE", "cluster.key_store");
    names.put("LIFEGUARD_CLUSTER_KEY_STORE_PASSWORD", "cluster.key_store_password");
    return Map.copyOf(names);
  }
}
