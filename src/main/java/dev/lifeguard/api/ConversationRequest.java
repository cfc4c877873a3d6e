package dev.lifeguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.config.LimitsConfig;
import dev.lifeguard.resources.Countries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated conversation request, shared by the NOPE routes (evaluate, screen, ocular) and the
 * OpenAI routes (safe, chat completions). Validation happens before any work and names the field.
 */
public record ConversationRequest(
    List<ChatMessage> messages,
    boolean fromText,
    RequestConfig config,
    Optional<String> userContext,
    Optional<String> proposedResponse,
    ObjectNode body) {

  /** Which protocol's rules apply. */
  public enum Dialect { NOPE, OPENAI }

  public static final String EMPTY_MESSAGE = "Either \"messages\" (array) or \"text\" (string) is required";
  public static final String NOPE_ROLE_MESSAGE = "Message role must be \"user\" or \"assistant\"";
  private static final Set<String> NOPE_ROLES = Set.of("user", "assistant");
  private static final List<String> OPENAI_ROLES = List.of("system", "developer", "user", "assistant", "tool");
  private static final int MAX_ID_LENGTH = 256;
  private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}");

  public static ConversationRequest parse(ObjectNode body, LimitsConfig limits, Dialect dialect) {
    JsonNode messagesNode = body.get("messages");
    JsonNode textNode = dialect == Dialect.NOPE ? body.get("text") : null;
    boolean hasMessages = messagesNode != null && !messagesNode.isNull();
    boolean hasText = textNode != null && !textNode.isNull();
    if (hasMessages && !messagesNode.isArray()) {
      throw ApiError.badRequest("\"messages\" must be an array of {role, content} objects, not " + JsonBodies.kind(messagesNode), "messages");
    }
    if (hasText && !textNode.isTextual()) {
      throw ApiError.badRequest("\"text\" must be a string, not " + JsonBodies.kind(textNode), "text");
    }
    if (!hasMessages && !hasText) {
      throw dialect == Dialect.NOPE ? ApiError.badRequest(EMPTY_MESSAGE, "messages")
          : ApiError.badRequest("\"messages\" (array) is required", "messages");
    }
    if (hasMessages && hasText) {
      throw ApiError.badRequest("Send either \"messages\" or \"text\", not both", "text");
    }
    List<ChatMessage> messages;
    if (hasText) {
      messages = List.of(new ChatMessage("user", checkedSize(textNode.asText(), "text", limits)));
    } else {
      messages = messages(messagesNode, limits, dialect);
    }
    RequestConfig config = config(body.get("config"));
    Optional<String> userContext = optionalText(body, "user_context", limits);
    Optional<String> proposed = optionalText(body, "proposed_response", limits);
    if (dialect == Dialect.OPENAI) {
      optionalText(body, "system", limits);
      JsonNode stream = body.get("stream");
      if (stream != null && !stream.isNull() && !stream.isBoolean()) {
        throw ApiError.badRequest("\"stream\" must be true or false", "stream");
      }
      JsonNode model = body.get("model");
      if (model != null && !model.isNull() && !model.isTextual()) {
        throw ApiError.badRequest("\"model\" must be a string", "model");
      }
    }
    return new ConversationRequest(messages, hasText, config, userContext, proposed, body);
  }

  private static List<ChatMessage> messages(JsonNode array, LimitsConfig limits, Dialect dialect) {
    if (array.isEmpty()) {
      throw ApiError.badRequest("\"messages\" must contain at least one message", "messages");
    }
    if (array.size() > limits.maxMessages()) {
      throw ApiError.badRequest("Too many messages: " + array.size() + " (at most " + limits.maxMessages() + ")", "messages");
    }
    List<ChatMessage> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String at = "messages[" + i + "]";
      JsonNode m = array.get(i);
      if (!m.isObject()) {
        throw ApiError.badRequest(at + " must be an object with \"role\" and \"content\", not " + JsonBodies.kind(m), at);
      }
      JsonNode role = m.get("role");
      if (role == null || !role.isTextual()) {
        throw ApiError.badRequest(at + ".role is required and must be a string", at + ".role");
      }
      String r = role.asText();
      if (dialect == Dialect.NOPE && !NOPE_ROLES.contains(r)) {
        throw ApiError.badRequest(NOPE_ROLE_MESSAGE, at + ".role");
      }
      if (dialect == Dialect.OPENAI && !OPENAI_ROLES.contains(r)) {
        throw ApiError.badRequest(at + ".role must be one of " + String.join(", ", OPENAI_ROLES) + " (got \"" + shorten(r) + "\")", at + ".role");
      }
      out.add(new ChatMessage(r, checkedSize(content(m.get("content"), r, at, dialect), at + ".content", limits)));
    }
    return out;
  }

  /** NOPE: a string. OpenAI: a string, an array of parts (text parts are read), or null on assistant/tool turns. */
  private static String content(JsonNode content, String role, String at, Dialect dialect) {
    if (content != null && content.isTextual()) {
      return content.asText();
    }
    if (dialect == Dialect.OPENAI) {
      if ((content == null || content.isNull()) && (role.equals("assistant") || role.equals("tool"))) {
        return "";
      }
      if (content != null && content.isArray()) {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < content.size(); p++) {
          JsonNode part = content.get(p);
          if (!part.isObject() || !part.path("type").isTextual()) {
            throw ApiError.badRequest(at + ".content[" + p + "] must be an object with a \"type\"", at + ".content");
          }
          if (part.path("type").asText().equals("text")) {
            if (!part.path("text").isTextual()) {
              throw ApiError.badRequest(at + ".content[" + p + "].text must be a string", at + ".content");
            }
            text.append(text.length() > 0 ? "\n" : "").append(part.get("text").asText());
          }
        }
        return text.toString();
      }
      throw ApiError.badRequest(at + ".content must be a string or an array of content parts", at + ".content");
    }
    throw ApiError.badRequest(at + ".content is required and must be a string", at + ".content");
  }

  private static String checkedSize(String text, String field, LimitsConfig limits) {
    long bytes = utf8Length(text);
    if (bytes > limits.maxMessageBytes()) {
      throw ApiError.badRequest(field + " is too long: " + bytes + " bytes (at most " + limits.maxMessageBytes() + ")", field);
    }
    return text;
  }

  private static Optional<String> optionalText(ObjectNode body, String field, LimitsConfig limits) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw ApiError.badRequest("\"" + field + "\" must be a string, not " + JsonBodies.kind(node), field);
    }
    return Optional.of(checkedSize(node.asText(), field, limits));
  }

  static RequestConfig config(JsonNode node) {
    if (node == null || node.isNull()) {
      return RequestConfig.DEFAULT;
    }
    if (!node.isObject()) {
      throw ApiError.badRequest("\"config\" must be an object, not " + JsonBodies.kind(node), "config");
    }
    Optional<String> country = country(node, "user_country").or(() -> country(node, "country"));
    Optional<String> locale = string(node, "locale", 35);
    if (locale.isPresent() && !LOCALE.matcher(locale.get()).matches()) {
      throw ApiError.badRequest("config.locale must be a language tag such as \"en-US\" (got \"" + shorten(locale.get()) + "\")", "config.locale");
    }
    return new RequestConfig(
        country,
        locale,
        choice(node, "user_age_band", RequestConfig.AgeBand.class, RequestConfig.AgeBand.UNKNOWN),
        bool(node, "return_assistant_reply", true),
        bool(node, "include_resources", true),
        choice(node, "assistant_safety_mode", RequestConfig.SafetyMode.class, RequestConfig.SafetyMode.TEMPLATE),
        string(node, "conversation_id", MAX_ID_LENGTH),
        string(node, "end_user_id", MAX_ID_LENGTH));
  }

  private static Optional<String> country(JsonNode config, String field) {
    Optional<String> code = string(config, field, 8);
    if (code.isPresent() && !Countries.isKnown(code.get())) {
      throw ApiError.badRequest("Unknown country code \"" + shorten(code.get()) + "\" in config." + field
          + ": use an ISO 3166-1 alpha-2 code such as \"US\" or \"GB\"", "config." + field);
    }
    return code.map(c -> c.toUpperCase(Locale.ROOT));
  }

  private static Optional<String> string(JsonNode config, String field, int maxLength) {
    JsonNode v = config.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw ApiError.badRequest("config." + field + " must be a string, not " + JsonBodies.kind(v), "config." + field);
    }
    if (v.asText().isEmpty() || v.asText().length() > maxLength) {
      throw ApiError.badRequest("config." + field + " must be 1 to " + maxLength + " characters", "config." + field);
    }
    return Optional.of(v.asText());
  }

  private static boolean bool(JsonNode config, String field, boolean defaultValue) {
    JsonNode v = config.get(field);
    if (v == null || v.isNull()) {
      return defaultValue;
    }
    if (!v.isBoolean()) {
      throw ApiError.badRequest("config." + field + " must be true or false, not " + JsonBodies.kind(v), "config." + field);
    }
    return v.asBoolean();
  }

  private static <E extends Enum<E>> E choice(JsonNode config, String field, Class<E> type, E defaultValue) {
    Optional<String> v = string(config, field, 32);
    if (v.isEmpty()) {
      return defaultValue;
    }
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      String name = constant.name().toLowerCase(Locale.ROOT);
      if (name.equals(v.get())) {
        return constant;
      }
      allowed.add(name);
    }
    throw ApiError.badRequest("config." + field + " must be one of " + String.join(", ", allowed) + " (got \"" + shorten(v.get()) + "\")", "config." + field);
  }

  static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
