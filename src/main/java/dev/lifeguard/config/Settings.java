package dev.lifeguard.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
  /** Where {@code root} sits in the whole tree (e.g. {@code upstream.fallbacks[0].}), for messages. */
  private final String prefix;
  private final Set<String> known = new HashSet<>();

  Settings(ObjectNode root, Set<String> secrets) {
    this(root, secrets, "");
  }

  private Settings(ObjectNode root, Set<String> secrets, String prefix) {
    this.root = root;
    this.secrets = secrets;
    this.prefix = prefix;
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

  /** A mapping of operator-chosen names to single values (its keys are data, not settings). */
  Map<String, String> stringMap(String path) {
    JsonNode node = node(path);
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw invalid(path, node, "must be a mapping of names to values");
    }
    Map<String, String> map = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
        throw invalid(path + "." + field.getKey(), value, "must be a single, non-empty value");
      }
      map.put(field.getKey(), value.asText().trim());
    }
    return Collections.unmodifiableMap(map);
  }

  /** A YAML list of single values, or (as environment variables are strings) one comma-separated string. */
  List<String> stringList(String path) {
    JsonNode node = node(path);
    if (node == null || node.isNull()) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    if (node.isTextual()) {
      for (String part : node.asText().split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
      return List.copyOf(values);
    }
    if (!node.isArray()) {
      throw invalid(path, node, "must be a list of values");
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
        throw invalid(path + "[" + i + "]", item, "must be a single, non-empty value");
      }
      values.add(item.asText().trim());
    }
    return List.copyOf(values);
  }

  /**
   * A list of mappings, each read through its own {@code Settings} (so its unknown keys are rejected
   * and its errors name e.g. {@code upstream.fallbacks[1].url}). Call {@link #rejectUnknown()} on each.
   */
  List<Settings> objectList(String path) {
    JsonNode node = node(path);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw invalid(path, node, "must be a list of mappings");
    }
    List<Settings> items = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!(node.get(i) instanceof ObjectNode item)) {
        throw invalid(path + "[" + i + "]", node.get(i), "must be a mapping");
      }
      items.add(new Settings(item, secrets, prefix + path + "[" + i + "]."));
    }
    return List.copyOf(items);
  }

  ConfigException invalid(String path, JsonNode value, String allowed) {
    String full = prefix + path;
    String shown = isSecret(full) ? "(hidden)" : "'" + (value == null || !value.isValueNode() ? "" : value.asText()) + "'";
    return ConfigException.invalid(full, shown, allowed);
  }

  /** Secrets inside lists are named with {@code []} in the secret set: {@code upstream.fallbacks[].api_key}. */
  private boolean isSecret(String fullPath) {
    return secrets.contains(fullPath) || secrets.contains(fullPath.replaceAll("\\[\\d+]", "[]"));
  }

  /** Rejects settings that no part of the configuration reads. */
  void rejectUnknown() {
    List<String> unknown = new ArrayList<>();
    collectLeaves(root, "", unknown);
    if (!unknown.isEmpty()) {
      throw new ConfigException("unknown setting " + prefix + unknown.get(0) + ": not a Lifeguard setting (check the spelling against config/lifeguard.yaml)");
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
