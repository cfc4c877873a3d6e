package dev.lifeguard.api;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.FeatureEvidence;
import dev.lifeguard.assessment.LegalFlags;
import dev.lifeguard.assessment.Risk;
import dev.lifeguard.assessment.StyleScore;
import dev.lifeguard.resources.MatchedResources;
import dev.lifeguard.resources.ResourceMatcher;
import dev.lifeguard.screening.CopingRecommendations;
import dev.lifeguard.taxonomy.Domain;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.WireNamed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code /v1/evaluate} answer: the live API's fields, the seed Evaluation API's fields and the
 * older API Reference's domain view, all projected from one {@link Assessment} so they agree.
 */
final class EvaluationView {
  static final String API_VERSION = "v1";

  /** Everything an evaluate answer is made of. */
  record Evaluation(Assessment assessment, MatchedResources resources, boolean includeResources,
      Optional<JsonObject> recommendedReply, Optional<JsonObject> proposedResponseEvaluation, Metadata metadata,
      Optional<String> locale) {}

  /** {@code metadata}: how the request was read. */
  record Metadata(boolean fromText, boolean messagesTruncated, boolean tryEndpoint, String model) {}

  private EvaluationView() {}

  static JsonObject render(Evaluation e, String requestId, String timestamp) {
    Assessment a = e.assessment();
    JsonObject body = new JsonObject()
        .put("risks", risks(a))
        .put("rationale", a.rationale())
        .put("speaker_severity", a.speakerSeverity().wireName())
        .put("speaker_imminence", a.speakerImminence().wireName())
        .put("show_resources", ResourceMatcher.warranted(a));
    if (e.includeResources() && !e.resources().isEmpty()) {
      body.put("resources", liveResources(e.resources()));
    }
    body.put("summary", summary(a))
        .put("communication", communication(a))
        .put("crisis_resources", e.includeResources() ? seedResources(e.resources()) : new JsonArray())
        .put("confidence", round(a.confidence()))
        .put("legal_flags", legalFlags(a))
        .put("protective_factors", new JsonObject()
            .put("protective_factors", new JsonArray(a.protection().names()))
            .put("protective_factor_strength", a.protection().strength().wireName()))
        .put("domains", domains(a))
        .put("global", global(a, e.locale()))
        .put("safeguarding_flags", new JsonObject()
            .put("child_at_risk", a.safeguardingFlags().childAtRisk())
            .put("adult_at_risk", a.safeguardingFlags().adultAtRisk())
            .put("duty_to_warn_others", a.safeguardingFlags().dutyToWarnOthers())
            .put("mandatory_reporting_possible", a.safeguardingFlags().mandatoryReportingPossible()))
        .put("presentation_modifiers", new JsonObject()
            .put("psychotic_features", a.presentationModifiers().psychoticFeatures())
            .put("substance_involved", a.presentationModifiers().substanceInvolved())
            .put("cognitive_impairment", a.presentationModifiers().cognitiveImpairment()))
        .put("coping_recommendations", coping(a));
    e.recommendedReply().ifPresent(reply -> body.put("recommended_reply", reply));
    e.proposedResponseEvaluation().ifPresent(check -> body.put("proposed_response_evaluation", check));
    Metadata m = e.metadata();
    JsonObject metadata = new JsonObject()
        .put("api_version", API_VERSION)
        .put("input_format", m.fromText() ? "text_blob" : "structured")
        .put("messages_truncated", m.messagesTruncated());
    if (m.tryEndpoint()) {
      metadata.put("try_endpoint", true);
    }
    metadata.put("model", m.model());
    return body.put("request_id", requestId).put("timestamp", timestamp).put("metadata", metadata);
  }

  private static JsonArray risks(Assessment a) {
    JsonArray risks = new JsonArray();
    for (Risk r : a.risks()) {
      risks.add(new JsonObject()
          .put("type", r.type().wireName())
          .put("subject", r.subject().wireName())
          .put("subject_confidence", round(r.subjectConfidence()))
          .put("severity", r.severity().wireName())
          .put("imminence", r.imminence().wireName())
          .put("confidence", round(r.confidence()))
          .put("features", new JsonArray(r.featureNames())));
    }
    return risks;
  }

  private static JsonObject summary(Assessment a) {
    return new JsonObject()
        .put("speaker_severity", a.speakerSeverity().wireName())
        .put("speaker_imminence", a.speakerImminence().wireName())
        .put("any_third_party_risk", a.anyThirdPartyRisk())
        .put("primary_concerns", concerns(a));
  }

  /** One plain sentence per risk, most serious first; never quotes the conversation. */
  static String concerns(Assessment a) {
    if (a.risks().isEmpty()) {
      return "No significant risks detected.";
    }
    StringBuilder out = new StringBuilder();
    for (Risk r : a.risks()) {
      String who = switch (r.subject()) {
        case SELF -> "the speaker";
        case OTHER -> "someone other than the speaker";
        case UNKNOWN -> "an unclear person";
      };
      out.append(out.length() == 0 ? "" : " ")
          .append(capitalise(r.type().wireName().replace('_', ' '))).append(" risk to ").append(who)
          .append(" (").append(r.severity().wireName()).append(" severity, ").append(r.imminence().wireName().replace('_', ' '))
          .append(").");
    }
    return out.toString();
  }

  private static JsonObject communication(Assessment a) {
    JsonArray styles = new JsonArray();
    for (StyleScore s : a.communication().styles()) {
      styles.add(new JsonObject().put("style", s.style().wireName()).put("confidence", round(s.confidence())));
    }
    return new JsonObject().put("styles", styles).put("language", a.language());
  }

  private static JsonObject liveResources(MatchedResources m) {
    JsonArray secondary = new JsonArray();
    m.secondary().forEach(secondary::add);
    return new JsonObject().put("primary", m.primary().orElseThrow()).put("secondary", secondary);
  }

  /** The seed's {@code crisis_resources}: the same entries, flat, marked as coming from the directory. */
  private static JsonArray seedResources(MatchedResources m) {
    JsonArray out = new JsonArray();
    m.all().forEach(r -> out.add(r.copy().put("source", "database")));
    return out;
  }

  /** Both names the APIs use for the same flags: {@code ipv} and {@code intimate_partner_violence}, etc. */
  private static JsonObject legalFlags(Assessment a) {
    LegalFlags f = a.legalFlags();
    JsonObject ipv = f.intimatePartnerViolence().map(v -> new JsonObject()
        .put("indicated", true)
        .put("risk_level", v.riskLevel().wireName())
        .put("confidence", round(v.confidence()))
        .put("strangulation", v.strangulationHistory())
        .put("escalation_pattern", v.escalationPattern())
        .put("lethality_markers", new JsonArray(v.markers()))).orElse(null);
    JsonObject threat = f.thirdPartyThreat().map(t -> new JsonObject()
        .put("tarasoff_duty", t.present() && t.identifiableVictim())
        .put("specific_target", t.identifiableVictim())
        .put("confidence", round(t.confidence()))
        .put("rationale", t.rationale())).orElse(null);
    JsonObject child = f.childSafeguarding().map(EvaluationView::safeguarding).orElse(null);
    JsonObject adult = f.vulnerableAdultSafeguarding().map(EvaluationView::safeguarding).orElse(null);
    JsonObject mandatory = child == null && adult == null && !f.mandatoryReportingPossible() ? null : new JsonObject()
        .put("possible", f.mandatoryReportingPossible())
        .put("child", child)
        .put("vulnerable_adult", adult);
    JsonObject stalking = a.risk(RiskType.STALKING).map(r -> new JsonObject()
        .put("indicated", true)
        .put("severity", r.severity().wireName())
        .put("imminence", r.imminence().wireName())
        .put("features", new JsonArray(r.featureNames()))).orElse(null);
    return new JsonObject()
        .put("ipv", ipv)
        .put("mandatory_reporting", mandatory)
        .put("third_party_threat", threat)
        .put("safeguarding_concern", child != null ? child : adult)
        .put("stalking", stalking)
        .put("intimate_partner_violence", ipv)
        .put("child_safeguarding", child);
  }

  private static JsonObject safeguarding(LegalFlags.SafeguardingConcern c) {
    return new JsonObject()
        .put("urgency", c.urgency().wireName())
        .put("confidence", round(c.confidence()))
        .put("basic_needs_unmet", c.basicNeedsUnmet())
        .put("immediate_danger", c.immediateDanger());
  }

  /** The older view: one entry per domain with a risk, its values the maxima over that domain's risks. */
  private static JsonArray domains(Assessment a) {
    JsonArray out = new JsonArray();
    for (Domain d : a.primaryDomains()) {
      List<Risk> in = a.risksIn(d);
      Risk top = in.get(0);
      JsonObject domain = new JsonObject()
          .put("domain", d.wireName())
          .put("severity", top.severity().wireName())
          .put("imminence", a.imminenceIn(d).wireName())
          .put("confidence", round(in.stream().mapToDouble(Risk::confidence).max().orElse(0)))
          .put("risk_features", union(in, Risk::featureNames))
          .put("risk_types", union(in, Risk::clinicalTypes))
          .put("protective_factors", d == Domain.SELF ? new JsonArray(a.protection().names()) : new JsonArray())
          .put("reasoning", concernsOf(in));
      top.subtype().ifPresent(s -> domain.put(subtypeField(d), s.wireName()));
      out.add(domain);
    }
    return out;
  }

  private static String concernsOf(List<Risk> risks) {
    StringBuilder out = new StringBuilder();
    for (Risk r : risks) {
      List<String> features = r.features().stream().map(FeatureEvidence::name).limit(4).toList();
      out.append(out.length() == 0 ? "" : " ")
          .append(capitalise(r.type().wireName().replace('_', ' '))).append(" (").append(r.severity().wireName())
          .append(", graded on ").append(r.modelOnly() ? "the model's scores" : r.framework()).append(")")
          .append(features.isEmpty() ? "." : ": " + String.join(", ", features).replace('_', ' ') + ".");
    }
    return out.toString();
  }

  private static String subtypeField(Domain d) {
    return switch (d) {
      case SELF -> "self_subtype";
      case DEPENDENT_AT_RISK -> "dependent_subtype";
      case VICTIMISATION -> "victimisation_subtype";
      case OTHERS -> "subtype";
    };
  }

  private static JsonObject global(Assessment a, Optional<String> locale) {
    JsonObject global = new JsonObject()
        .put("overall_severity", a.overallSeverity().wireName())
        .put("overall_imminence", a.overallImminence().wireName())
        .put("primary_concerns", new JsonArray(a.primaryDomains().stream().map(WireNamed::wireName).toList()))
        .put("language", a.language());
    locale.ifPresent(l -> global.put("locale", l));
    return global;
  }

  private static JsonArray coping(Assessment a) {
    JsonArray out = new JsonArray();
    for (CopingRecommendations.Recommendation r : CopingRecommendations.of(a)) {
      out.add(new JsonObject().put("category", r.category().wireName()).put("evidence_grade", r.grade().wireName()));
    }
    return out;
  }

  private static JsonArray union(List<Risk> risks, Function<Risk, List<String>> values) {
    Set<String> all = new LinkedHashSet<>();
    risks.forEach(r -> all.addAll(values.apply(r)));
    return new JsonArray(List.copyOf(all));
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
