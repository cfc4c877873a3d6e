package dev.lifeguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeguard.api.ConversationRequest.Dialect;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.config.LimitsConfig;
import dev.lifeguard.fuzz.FuzzChecks;
import dev.lifeguard.ocular.InvalidOcularRequest;
import dev.lifeguard.ocular.OcularOptions;
import io.vertx.core.buffer.Buffer;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Every conversation route's body (evaluate, screen, ocular in the NOPE dialect; safe and chat
 * completions in the OpenAI one) is either accepted within the limits or refused with a 4xx naming a
 * field. Accepted values are the ones sent: a number is never silently wrapped into range.
 */
class ConversationRequestFuzzTest {
  private static final LimitsConfig LIMITS = new LimitsConfig(8192, 8, 256, 12, 10);
  private static final JsonBodies JSON = new JsonBodies(LIMITS);

  @FuzzTest(maxDuration = FuzzChecks.CI_BUDGET)
  @DictionaryEntries({"messages", "text", "role", "content", "user", "assistant",
      "system", "tool", "developer", "type", "config", "user_country", "country",
      "locale", "user_age_band", "minor", "return_assistant_reply", "include_resources",
      "assistant_safety_mode", "generate", "conversation_id", "end_user_id", "user_context",
      "proposed_response", "stream", "model", "per_turn", "effort", "thoroughness",
      "auto", "trajectory_stride", "user_id", "session_id", "agent_id", "null", "true",
      "18446744073709551617", "-9223372036854775808", "4294967297", "US", "en-US"})
  void every_conversation_body_is_accepted_or_a_4xx(byte[] bytes) throws Exception {
    FuzzChecks.bounded(bytes.length, () -> {
      ObjectNode body;
      try {
        body = JSON.parseObject(Buffer.buffer(bytes));
      } catch (ApiError e) {
        FuzzChecks.clientError(e);
        return;
      }
      for (Dialect dialect : Dialect.values()) {
        try {
          accepted(ConversationRequest.parse(body, LIMITS, dialect));
        } catch (ApiError e) {
          FuzzChecks.clientError(e);
        }
      }
      try {
        accepted(OcularOptions.parse(body), body);
      } catch (InvalidOcularRequest e) {
        assertFalse(e.field() == null || e.getMessage() == null, "an ocular refusal names its field");
      }
    });
  }

  private static void accepted(ConversationRequest request) {
    assertFalse(request.messages().isEmpty());
    assertTrue(request.messages().size() <= LIMITS.maxMessages());
    for (ChatMessage m : request.messages()) {
      assertTrue(ConversationRequest.utf8Length(m.content()) <= LIMITS.maxMessageBytes());
    }
    RequestConfig config = request.config();
    config.conversationId().ifPresent(id -> assertTrue(!id.isEmpty() && id.length() <= 256));
    config.userCountry().ifPresent(c -> assertTrue(c.length() <= 8));
    // The demo routes cut what they read; the cut must stay within the conversation.
    Truncation demo = Truncation.forDemo(request.messages());
    assertTrue(demo.messages().size() <= Truncation.MAX_MESSAGES);
    demo.messages().forEach(m -> assertTrue(m.content().length() <= Truncation.MAX_CHARS));
  }

  private static void accepted(OcularOptions options, ObjectNode body) {
    options.effort().ifPresent(e -> assertEquals(sent(body, "effort"), BigInteger.valueOf(e), "effort as sent"));
    options.thoroughness().ifPresent(t -> assertEquals(sent(body, "thoroughness"), BigInteger.valueOf(t), "thoroughness as sent"));
    if (body.hasNonNull("trajectory_stride")) {
      assertEquals(sent(body, "trajectory_stride"), BigInteger.valueOf(options.stride()), "stride as sent");
    }
    assertTrue(options.startingEffort() >= OcularOptions.MIN_EFFORT && options.startingEffort() <= OcularOptions.MAX_EFFORT);
    for (Optional<String> id : List.of(options.userId(), options.sessionId(), options.agentId())) {
      id.ifPresent(s -> assertTrue(s.codePointCount(0, s.length()) <= OcularOptions.MAX_ID_LENGTH));
    }
  }

  private static BigInteger sent(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    return v.bigIntegerValue();
  }
}
