package dev.lifeguard.webhooks;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.assessment.Risk;
import dev.lifeguard.resources.MatchedResources;
import dev.lifeguard.taxonomy.Domain;
import dev.lifeguard.taxonomy.Severity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an evaluation tells the operator's webhooks: the payload of {@code risk.elevated} and
 * {@code risk.critical} (the live API's shape), minus {@code event} and {@code event_id}, which each
 * delivery row supplies. The conversation is carried in two forms; a webhook gets the one with the
 * latest user message only if it asked for {@code include_conversation}.
 *
 * @param severity              overall severity, compared with each webhook's {@code min_risk_level}
 * @param payload               everything but {@code conversation}
 * @param conversation          {@code {included:false, message_count}}
 * @param conversationWithText  {@code {included:true, message_count, latest_user_message, truncated}}
 */
public record RiskEvent(Severity severity, JsonObject payload, JsonObject conversation, JsonObject conversationWithText) {
  static final String API_VERSION = "v1";
  /** Enough of the latest message to act on; webhooks are alerts, not transcripts. */
  static final int MAX_MESSAGE_CHARS = 2000;

  public boolean critical() {
    return severity == Severity.CRITICAL;
  }

  /** The event an evaluation raises, if anyone is at risk at all. */
  public static Optional<RiskEvent> of(Assessment a, MatchedResources resources, List<ChatMessage> messages,
      Optional<String> conversationId, Optional<String> endUserId, Instant at) {
    if (!a.hasRisk() || a.overallSeverity() == Severity.NONE) {
      return Optional.empty();
    }
    Risk top = a.risks().get(0);
    JsonObject payload = new JsonObject()
        .put("timestamp", at.toString())
        .put("api_version", API_VERSION)
        .put("conversation_id", conversationId.orElse(null))
        .put("user_id", endUserId.orElse(null))
        .put("risk_summary", new JsonObject()
            .put("overall_severity", a.overallSeverity().wireName())
            .put("overall_imminence", a.overallImminence().wireName())
            .put("primary_domain", top.domain().wireName())
            .put("confidence", Math.round(a.confidence() * 1000) / 1000.0)
            .put("primary_concerns", new JsonArray(a.primaryDomains().stream().map(Domain::wireName).toList())))
        .put("domains", domains(a))
        .put("flags", new JsonObject()
            .put("intimate_partner_violence", a.legalFlags().intimatePartnerViolence().map(f -> f.riskLevel().wireName()).orElse(null))
            .put("child_safeguarding", a.legalFlags().childSafeguarding().map(f -> f.urgency().wireName()).orElse(null))
            .put("third_party_threat", a.legalFlags().thirdPartyThreat().map(f -> f.present()).orElse(false)))
        .put("resources_provided", provided(resources));
    JsonObject plain = new JsonObject().put("included", false).put("message_count", messages.size());
    Optional<String> latest = messages.stream().filter(m -> m.role().equals("user")).reduce((first, second) -> second)
        .map(ChatMessage::content);
    JsonObject withText = new JsonObject().put("included", true).put("message_count", messages.size());
    latest.ifPresent(text -> withText
        .put("latest_user_message", text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) : text)
        .put("truncated", text.length() > MAX_MESSAGE_CHARS));
    return Optional.of(new RiskEvent(a.overallSeverity(), payload, plain, withText));
  }

  private static JsonArray domains(Assessment a) {
    JsonArray out = new JsonArray();
    for (Domain d : a.primaryDomains()) {
      out.add(new JsonObject()
          .put("domain", d.wireName())
          .put("severity", a.risksIn(d).get(0).severity().wireName())
          .put("imminence", a.imminenceIn(d).wireName()));
    }
    return out;
  }

  private static JsonArray provided(MatchedResources resources) {
    JsonArray out = new JsonArray();
    for (JsonObject r : resources.all()) {
      JsonArray countries = r.getJsonArray("country_codes", new JsonArray());
      out.add(new JsonObject().put("name", r.getString("name")).put("type", r.getString("type"))
          .put("country", countries.isEmpty() ? null : countries.getString(0)));
    }
    return out;
  }
}
