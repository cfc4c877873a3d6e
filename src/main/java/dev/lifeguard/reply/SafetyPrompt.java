package dev.lifeguard.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.Severity;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The system prompt for an upstream LLM that writes the reply (generate mode) or answers an at-risk
 * conversation: safe-messaging rules, what is at stake and for whom, the language to answer in, and
 * the exact resources it may cite. Wording lives in {@code reply/safety-prompt.json}.
 */
public final class SafetyPrompt {
  private static final String FILE = "/reply/safety-prompt.json";
  /** More than this and a model tends to paste them all; the best-matched few are what a reply needs. */
  static final int MAX_RESOURCES = 5;

  private SafetyPrompt() {}

  public static String build(Assessment a, ReplyContext ctx) {
    Optional<Situation> situation = Situation.of(a);
    String stance = situation.map(s -> s.stance().key()).orElse("none");
    Severity severity = situation.map(s -> s.risk().severity()).orElse(Severity.NONE);
    Imminence imminence = situation.map(s -> s.risk().imminence()).orElse(Imminence.NOT_APPLICABLE);
    String types = a.risks().stream().map(r -> r.type().wireName().replace('_', ' ')).distinct()
        .collect(Collectors.joining(", "));
    Map<String, String> values = Map.of(
        "situation", text("situation." + stance).replace("{types}", types),
        "severity", text("severity." + severity.wireName()),
        "urgency", text(imminence.atLeast(Imminence.URGENT) ? "urgency.soon" : "urgency.later"),
        "age", text(ctx.minor() ? "age.minor" : "age.other"),
        "language_name", Templates.of(ctx.language()).get("language_name"),
        "stance_rules", text("stance_rules." + stance),
        "resources", resources(ctx),
        "emergency", ctx.emergency().map(e -> e.getString("phone")).filter(ResourceLines::present)
            .map(p -> text("emergency.number").replace("{phone}", p)).orElse(text("emergency.generic")));
    List<String> lines = new ArrayList<>();
    Data.PROMPT.get("template").forEach(line -> lines.add(fill(line.asText(), values)));
    // Empty optional parts leave blank lines; collapse them so the prompt reads cleanly.
    return String.join("\n", lines).replaceAll("\n{3,}", "\n\n").replaceAll("(?m)^[ \\t]+$", "").strip();
  }

  private static String resources(ReplyContext ctx) {
    List<JsonObject> picked = ResourceLines.pick(ctx.resources(), ctx.minor(), MAX_RESOURCES);
    if (picked.isEmpty()) {
      return text("resources.none");
    }
    return picked.stream().map(SafetyPrompt::describe).collect(Collectors.joining("\n"));
  }

  /** Every way to reach a resource, labelled, so the model cannot confuse a text code with a phone number. */
  private static String describe(JsonObject r) {
    List<String> parts = new ArrayList<>();
    field(parts, "phone", r.getString("phone"));
    field(parts, "text", r.getString("text_instructions"));
    field(parts, "chat", r.getString("chat_url"));
    field(parts, "website", r.getString("website_url"));
    field(parts, "hours", Boolean.TRUE.equals(r.getValue("is_24_7")) ? "24/7" : r.getString("availability"));
    return "- " + r.getString("name") + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")");
  }

  private static void field(List<String> parts, String label, String value) {
    if (ResourceLines.present(value)) {
      parts.add(label + ": " + value);
    }
  }

  private static String fill(String line, Map<String, String> values) {
    String out = line;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("{" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  private static String text(String key) {
    JsonNode node = Data.PROMPT.get(key);
    if (node == null) {
      throw new IllegalStateException(FILE + " lacks " + key);
    }
    return node.asText();
  }

  private static final class Data {
    static final JsonNode PROMPT = Templates.json(FILE);
  }
}
