package dev.lifeguard.reply;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes crisis resources as reply lines ("- name: call …, chat at …"), using only what the rendered
 * resource says: its name, phone, text instructions, chat or web address and whether it is 24/7.
 */
final class ResourceLines {
  /** Populations that make a service the first choice for a minor. */
  private static final Set<String> YOUTH = Set.of("youth", "children", "young_adults", "young_people");

  private ResourceLines() {}

  /** The first {@code limit} resources, youth services first for a minor (otherwise in the given order). */
  static List<JsonObject> pick(List<JsonObject> resources, boolean minor, int limit) {
    List<JsonObject> ordered = new ArrayList<>(resources.stream().filter(r -> r.getString("name") != null).toList());
    if (minor) {
      ordered.sort(Comparator.comparing(r -> !servesYouth(r))); // stable: keeps the directory's order otherwise
    }
    return ordered.stream().limit(limit).toList();
  }

  static boolean servesYouth(JsonObject r) {
    JsonArray populations = r.getJsonArray("population_served", new JsonArray());
    return populations.stream().anyMatch(YOUTH::contains);
  }

  /** One line per resource; a resource with no way to reach it is left out rather than shown bare. */
  static List<String> lines(List<JsonObject> resources, Templates t) {
    List<String> lines = new ArrayList<>();
    for (JsonObject r : resources) {
      String how = how(r, t);
      if (!how.isEmpty()) {
        lines.add(t.fill("resources.line", Map.of("name", r.getString("name"), "how", how)));
      }
    }
    return lines;
  }

  private static String how(JsonObject r, Templates t) {
    List<String> ways = new ArrayList<>();
    if (present(r.getString("phone"))) {
      ways.add(t.fill("resources.call", Map.of("phone", r.getString("phone"))));
    }
    if (present(r.getString("text_instructions"))) {
      ways.add(t.fill("resources.text", Map.of("text", r.getString("text_instructions"))));
    }
    if (present(r.getString("chat_url"))) {
      ways.add(t.fill("resources.chat", Map.of("url", r.getString("chat_url"))));
    }
    if (ways.isEmpty() && present(r.getString("website_url"))) {
      ways.add(t.fill("resources.website", Map.of("url", r.getString("website_url"))));
    }
    if (ways.isEmpty()) {
      return "";
    }
    return joinAsList(ways, t.get("resources.or")) + hours(r, t);
  }

  /** "a, b or c": every language here lists with commas and a final conjunction. */
  private static String joinAsList(List<String> items, String or) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + or + items.get(items.size() - 1);
  }

  private static String hours(JsonObject r, Templates t) {
    if (Boolean.TRUE.equals(r.getValue("is_24_7"))) {
      return " (" + t.get("resources.always_open") + ")";
    }
    // Stated hours are free text in the directory's language; a short localized hint is kinder than none.
    return r.getValue("is_24_7") == null ? "" : " (" + t.get("resources.limited_hours") + ")";
  }

  static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
