package dev.lifeguard.reply;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.Assessor;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.assessment.Communication;
import dev.lifeguard.assessment.FeatureEvidence;
import dev.lifeguard.assessment.LegalFlags;
import dev.lifeguard.assessment.PresentationModifiers;
import dev.lifeguard.assessment.Protection;
import dev.lifeguard.assessment.Risk;
import dev.lifeguard.assessment.SafeguardingFlags;
import dev.lifeguard.assessment.Signals;
import dev.lifeguard.inference.ProbeLabels;
import dev.lifeguard.inference.ProbeScores;
import dev.lifeguard.taxonomy.AgeBand;
import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.Domain;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Subject;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test data: rendered resources as ResourceView emits them, hand-built and classifier-made assessments. */
final class Fixtures {
  static final Assessor ASSESSOR = new Assessor();

  static final JsonObject LIFELINE = new JsonObject().put("type", "crisis_line").put("name", "988 Suicide & Crisis Lifeline")
      .put("phone", "988").put("text_instructions", "Text 988").put("chat_url", "https://988lifeline.org/chat")
      .put("is_24_7", true).put("population_served", new JsonArray().add("general"));
  static final JsonObject TEXT_LINE = new JsonObject().put("type", "text_line").put("name", "Crisis Text Line")
      .put("text_instructions", "Text HOME to 741741").put("website_url", "https://www.crisistextline.org")
      .put("is_24_7", true).put("population_served", new JsonArray().add("general"));
  static final JsonObject DV_HOTLINE = new JsonObject().put("type", "crisis_line").put("name", "National Domestic Violence Hotline")
      .put("phone", "1-800-799-7233").put("chat_url", "https://www.thehotline.org").put("is_24_7", true)
      .put("population_served", new JsonArray().add("general"));
  static final JsonObject YOUTH_LINE = new JsonObject().put("type", "crisis_line").put("name", "Kids Help Phone")
      .put("phone", "1-800-668-6868").put("is_24_7", false)
      .put("population_served", new JsonArray().add("children").add("youth"));
  static final JsonObject WEB_ONLY = new JsonObject().put("type", "support_service").put("name", "Take It Down")
      .put("website_url", "https://takeitdown.ncmec.org").put("population_served", new JsonArray().add("youth"));
  static final JsonObject EMERGENCY = new JsonObject().put("type", "emergency_number").put("name", "Emergency services (United States)")
      .put("phone", "911");

  static final List<JsonObject> RESOURCES = List.of(LIFELINE, TEXT_LINE, DV_HOTLINE, YOUTH_LINE);

  private Fixtures() {}

  static ReplyContext context(String language) {
    return ReplyContext.of(language, AgeBand.ADULT, RESOURCES, EMERGENCY);
  }

  static ReplyContext minor(String language) {
    return ReplyContext.of(language, AgeBand.MINOR, RESOURCES, EMERGENCY);
  }

  /** One risk, as the Assessor would report it, with the features that matter for wording. */
  static Assessment risk(RiskType type, Subject subject, Severity severity, Imminence imminence, String... features) {
    return of(List.of(riskOf(type, subject, severity, imminence, features)));
  }

  static Risk riskOf(RiskType type, Subject subject, Severity severity, Imminence imminence, String... features) {
    List<FeatureEvidence> evidence = new ArrayList<>();
    for (String f : features) {
      evidence.add(new FeatureEvidence(f, List.of()));
    }
    Domain domain = type == RiskType.VIOLENCE ? Domain.OTHERS : subject == Subject.SELF && type.selfDirected()
        ? Domain.SELF : Domain.VICTIMISATION;
    return new Risk(type, subject, severity, imminence, 0.9, 0.9, evidence, List.of(), domain, Optional.empty(), "test");
  }

  static Assessment of(List<Risk> risks) {
    return new Assessment(risks, new Communication(List.of(), 0, 0.9, "en"), Protection.none(), LegalFlags.none(),
        SafeguardingFlags.none(), PresentationModifiers.none(), new Signals(Map.of(), Map.of(), 0), List.of(), List.of(),
        "test", 0.9);
  }

  static Assessment none() {
    return of(List.of());
  }

  static ChatMessage user(String text) {
    return new ChatMessage("user", text);
  }

  static ChatMessage assistant(String text) {
    return new ChatMessage("assistant", text);
  }

  /** The real classifier on its pattern tables (no heads). */
  static Assessment assess(String... userTurns) {
    List<ChatMessage> messages = new ArrayList<>();
    for (String t : userTurns) {
      messages.add(user(t));
    }
    return assess(messages);
  }

  static Assessment assess(List<ChatMessage> messages) {
    return ASSESSOR.assess(messages, AssessmentContext.unknown(), List.of());
  }

  /** The conversation with {@code reply} appended, its assistant heads scoring the reply as given. */
  static Assessment withReply(List<ChatMessage> conversation, String reply, Map<AiConcern, Double> heads) {
    List<ChatMessage> messages = new ArrayList<>(conversation);
    messages.add(assistant(reply));
    List<ProbeScores> scores = new ArrayList<>();
    conversation.forEach(m -> scores.add(ProbeScores.EMPTY));
    Map<String, Float> ai = new HashMap<>();
    heads.forEach((concern, p) -> ai.put(ProbeLabels.AI_PREFIX + concern.wireName(), p.floatValue()));
    scores.add(new ProbeScores(ai));
    return ASSESSOR.assess(messages, AssessmentContext.unknown(), scores);
  }

  static List<ChatMessage> said(String... userTurns) {
    List<ChatMessage> messages = new ArrayList<>();
    for (String t : userTurns) {
      messages.add(user(t));
    }
    return messages;
  }
}
