package dev.lifeguard.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeguard.config.LimitsConfig;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Strict JSON parsing of request bodies: bounded nesting, number and string sizes, no duplicate
 * keys, no trailing garbage, valid UTF-8. Every failure is a 400 that says what is wrong.
 */
public final class JsonBodies {
  /** Longer numbers are not quantities anyone sends; parsing them is a CPU attack. */
  static final int MAX_NUMBER_LENGTH = 64;

  private final ObjectMapper mapper;

  public JsonBodies(LimitsConfig limits) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxJsonDepth())
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(limits.maxBodyBytes())
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.mapper = new ObjectMapper(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(JsonParser.Feature.ALLOW_COMMENTS);
  }

  /** The body as a JSON object, or a 400 naming the problem. */
  public ObjectNode parseObject(Buffer body) {
    if (body == null || body.length() == 0) {
      throw ApiError.badRequest("Request body is empty: send a JSON object", null);
    }
    JsonNode node;
    try {
      node = mapper.readTree(body.getBytes());
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("Malformed JSON: " + describe(e), null);
    } catch (IOException e) {
      throw ApiError.badRequest("Malformed JSON: the body could not be read", null);
    }
    if (node == null || node.isMissingNode()) {
      throw ApiError.badRequest("Request body is empty: send a JSON object", null);
    }
    if (!node.isObject()) {
      throw ApiError.badRequest("Request body must be a JSON object, not " + kind(node), null);
    }
    return (ObjectNode) node;
  }

  static String kind(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isNull()) {
      return "null";
    }
    return "an object";
  }

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      message = "invalid syntax";
    }
    // Keep the parser's reason, drop its echo of long input, keep the location.
    int newline = message.indexOf('\n');
    if (newline > 0) {
      message = message.substring(0, newline);
    }
    if (message.length() > 160) {
      message = message.substring(0, 160) + "…";
    }
    if (e.getLocation() != null) {
      message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
    return message;
  }
}
