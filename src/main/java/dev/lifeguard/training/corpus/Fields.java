package dev.lifeguard.training.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Typed, validating access to one JSON object of a corpus line; every failure names file, line and field. */
final class Fields {
  private final JsonNode node;
  private final Source source;
  private final String path;

  Fields(JsonNode node, Source source, String path) {
    this.node = node;
    this.source = source;
    this.path = path;
  }

  Source source() {
    return source;
  }

  CorpusException error(String field, String problem) {
    return new CorpusException(source.file(), source.line(), qualified(field), problem);
  }

  private String qualified(String field) {
    return path.isEmpty() ? field : field.isEmpty() ? path : path + "." + field;
  }

  /** Present, even as an explicit null. */
  boolean present(String field) {
    return node.has(field);
  }

  /** Present and not null. */
  boolean has(String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  void allowOnly(Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw error(name, "unknown field (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  String string(String field) {
    JsonNode v = required(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw error(field, "expected a non-empty string, got " + v);
    }
    return v.asText();
  }

  String string(String field, Pattern shape) {
    String v = string(field);
    if (!shape.matcher(v).matches()) {
      throw error(field, "\"" + v + "\" does not match " + shape.pattern());
    }
    return v;
  }

  String oneOf(String field, List<String> allowed) {
    String v = string(field);
    if (!allowed.contains(v)) {
      throw error(field, "expected one of " + String.join(" ", allowed) + ", got \"" + v + "\"");
    }
    return v;
  }

  boolean bool(String field) {
    JsonNode v = required(field);
    if (!v.isBoolean()) {
      throw error(field, "expected true or false, got " + v);
    }
    return v.booleanValue();
  }

  /** A list of distinct strings, each in {@code allowed} (or matching {@code shape} when allowed is null). */
  List<String> strings(String field, List<String> allowed, Pattern shape) {
    JsonNode v = required(field);
    if (!v.isArray()) {
      throw error(field, "expected an array, got " + v);
    }
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode item : v) {
      String s = item.isTextual() ? item.asText() : null;
      boolean ok = s != null && (allowed != null ? allowed.contains(s) : shape.matcher(s).matches());
      if (!ok) {
        throw error(field, "unexpected entry " + item + vocabularyHint(allowed, shape));
      }
      if (!seen.add(s)) {
        throw error(field, "duplicate entry \"" + s + "\"");
      }
      out.add(s);
    }
    return out;
  }

  private static String vocabularyHint(List<String> allowed, Pattern shape) {
    if (allowed == null) {
      return " (expected a name matching " + shape.pattern() + ")";
    }
    return allowed.size() <= 12 ? " (allowed: " + String.join(" ", allowed) + ")"
        : " (not one of the " + allowed.size() + " names the spec allows)";
  }

  Fields object(String field) {
    JsonNode v = required(field);
    if (!v.isObject()) {
      throw error(field, "expected an object, got " + v);
    }
    return new Fields(v, source, qualified(field));
  }

  List<Fields> objects(String field) {
    JsonNode v = required(field);
    if (!v.isArray() || v.isEmpty()) {
      throw error(field, "expected a non-empty array");
    }
    List<Fields> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isObject()) {
        throw error(field + "[" + i + "]", "expected an object");
      }
      out.add(new Fields(v.get(i), source, qualified(field + "[" + i + "]")));
    }
    return out;
  }

  private JsonNode required(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw error(field, "missing");
    }
    return v;
  }
}
