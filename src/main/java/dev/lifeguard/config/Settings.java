package dev.lifeguard.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reads over the merged YAML + environment tree. Every read records its path, so that a
 * setting nobody reads (a typo) can be rejected instead of silently ignored.
 */
final class Settings {
  private final ObjectNode root;
  private final Set<String> secrets;
  private final Set<String> known = new HashSet<>();

  Settings(ObjectNode root, Set<String> secrets) {
    this.root = root;
    this.secrets = secrets;
  }

  Optional<String> optionalString(String path) {
    JsonNode node = node(path);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isValueNode()) {
      throw invalid(path, node, "must be a single value");
    }
    String text = node.asText().trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  String string(String path, String defaultValue) {
    return optionalString(path).orElse(defaultValue);
  }

  int intIn(String path, int min, int max, int defaultValue) {
    JsonNode node = node(path);
    if (node == null || node.isNull()) {
      return defaultValue;
    }
    long value;
    if (node.isIntegralNumber()) {
      value = node.asLong();
    } else if (node.isTextual() && node.asText().trim().matches("-?\\d{1,10}")) {
      value = Long.parseLong(node.asText().trim());
    } else {
      throw invalid(path, node, "must be an integer from " + min + " to " + max);
    }
    if (value < min || value > max) {
      throw invalid(path, node, "must be an integer from " + min + " to " + max);
    }
    return (int) value;
  }

  Duration seconds(String path, int min, int max, int defaultSeconds) {
    return Duration.ofSeconds(intIn(path, min, max, defaultSeconds));
  }

  Duration millis(String path, int min, int max, int defaultMillis) {
    return Duration.ofMillis(intIn(path, min, max, defaultMillis));
  }

  boolean bool(String path, boolean defaultValue) {
    JsonNode node = node(path);
    if (node == null || node.isNull()) {
      return defaultValue;
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    String text = node.asText().trim().toLowerCase();
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw invalid(path, node, "must be true or false");
  }

  <E extends Enum<E>> E oneOf(String path, Class<E> type, E defaultValue) {
    Optional<String> text = optionalString(path);
    if (text.isEmpty()) {
      return defaultValue;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text.get())) {
        return constant;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      allowed.add(constant.name().toLowerCase());
    }
    throw invalid(path, node(path), "must be one of " + String.join(", ", allowed));
  }

  /** A URI with one of the given schemes and a host. */
  Optional<URI> uri(String path, Set<String> schemes) {
    Optional<String> text = optionalString(path);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String allowed = "must be a URL starting with " + String.join("://, ", schemes) + "://";
    try {
      URI uri = new URI(text.get());
      if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase()) || uri.getHost() == null) {
        throw invalid(path, node(path), allowed);
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      throw invalid(path, node(path), allowed);
    }
  }

  ConfigException invalid(String path, JsonNode value, String allowed) {
    String shown = secrets.contains(path) ? "(hidden)" : "'" + (value == null ? "" : value.asText()) + "'";
    return ConfigException.invalid(path, shown, allowed);
  }

  /** Rejects settings that no part of the configuration reads. */
  void rejectUnknown() {
    List<String> unknown = new ArrayList<>();
    collectLeaves(root, "", unknown);
    if (!unknown.isEmpty()) {
      throw new ConfigException("unknown setting " + unknown.get(0) + ": not a Lifeguard setting (check the spelling against config/lifeguard.yaml)");
    }
  }

  private void collectLeaves(JsonNode node, String prefix, List<String> unknown) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      if (known.contains(path) || field.getValue().isNull()) {
        continue;
      }
      if (field.getValue().isObject() && isPrefixOfKnown(path)) {
        collectLeaves(field.getValue(), path, unknown);
      } else {
        unknown.add(path);
      }
    }
  }

  private boolean isPrefixOfKnown(String path) {
    return known.stream().anyMatch(k -> k.startsWith(path + "."));
  }

  private JsonNode node(String path) {
    known.add(path);
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      node = node == null ? null : node.get(part);
    }
    return node;
  }
}
