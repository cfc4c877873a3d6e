package dev.lifeguard.api;

import dev.lifeguard.api.ConversationRequest.Dialect;
import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.Risk;
import dev.lifeguard.resources.Countries;
import dev.lifeguard.resources.CrisisDirectory;
import dev.lifeguard.taxonomy.AgeBand;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /v1/screen} and {@code /v0/screen}: fast triage, a projection of the one Assessment. */
public final class ScreenHandler {
  /** The SDK documents US as screen's default country. */
  static final String DEFAULT_COUNTRY = "US";
  private static final int RESOURCE_COUNT = 3;

  /** Which directory services fit which risk type. */
  static final Map<RiskType, List<String>> SCOPES = Map.of(
      RiskType.SUICIDE, List.of("suicide", "crisis"),
      RiskType.SELF_HARM, List.of("self_harm", "suicide", "crisis"),
      RiskType.SELF_NEGLECT, List.of("eating_disorder", "substance_use", "mental_health", "crisis"),
      RiskType.VIOLENCE, List.of("violence_to_others", "crisis"),
      RiskType.ABUSE, List.of("domestic_violence"),
      RiskType.SEXUAL_VIOLENCE, List.of("sexual_violence"),
      RiskType.NEGLECT, List.of("child_abuse", "elder_abuse"),
      RiskType.EXPLOITATION, List.of("trafficking", "sextortion", "child_abuse"),
      RiskType.STALKING, List.of("stalking", "domestic_violence"));

  private final Services services;

  public ScreenHandler(Services services) {
    this.services = services;
  }

  public void handle(RoutingContext ctx) {
    ConversationRequest request = ConversationRequest.parse(
        services.json().parseObject(ctx.body().buffer()), services.config().limits(), Dialect.NOPE);
    services.classifier().assess(request.messages(), context(request))
        .compose(assessment -> resources(assessment, country(request)).map(resources -> render(assessment, resources, ctx)))
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  static AssessmentContext context(ConversationRequest request) {
    RequestConfig c = request.config();
    return new AssessmentContext(c.userCountry(), c.locale(), AgeBand.valueOf(c.ageBand().name()), request.userContext());
  }

  static String country(ConversationRequest request) {
    return request.config().userCountry()
        .or(() -> request.config().locale().flatMap(Countries::ofLocale))
        .orElse(DEFAULT_COUNTRY);
  }

  /** Resources are shown from moderate severity up, for whoever is at risk. */
  static boolean showResources(Assessment a) {
    return a.maxSeverity().atLeast(Severity.MODERATE);
  }

  private Future<Optional<JsonObject>> resources(Assessment a, String country) {
    if (!showResources(a)) {
      return Future.succeededFuture(Optional.empty());
    }
    Set<String> scopes = new LinkedHashSet<>();
    a.risks().forEach(r -> scopes.addAll(SCOPES.getOrDefault(r.type(), List.of("crisis"))));
    if (a.safeguardingFlags().childAtRisk()) {
      scopes.add("child_abuse");
    }
    return services.directory().find(new CrisisDirectory.Query(country, List.copyOf(scopes), List.of(), RESOURCE_COUNT))
        .map(result -> {
          List<JsonObject> found = result.resources().isEmpty() ? result.emergency().stream().toList() : result.resources();
          if (found.isEmpty()) {
            return Optional.empty();
          }
          JsonArray secondary = new JsonArray();
          found.stream().skip(1).map(ScreenHandler::screenResource).forEach(secondary::add);
          return Optional.of(new JsonObject().put("primary", screenResource(found.get(0))).put("secondary", secondary));
        });
  }

  private static JsonObject render(Assessment a, Optional<JsonObject> resources, RoutingContext ctx) {
    JsonArray risks = new JsonArray();
    for (Risk r : a.risks()) {
      risks.add(new JsonObject()
          .put("type", r.type().wireName())
          .put("subject", r.subject().wireName())
          .put("severity", r.severity().wireName())
          .put("imminence", r.imminence().wireName())
          .put("confidence", round(r.confidence())));
    }
    JsonObject body = new JsonObject()
        .put("risks", risks)
        .put("show_resources", showResources(a))
        .put("suicidal_ideation", a.risk(RiskType.SUICIDE).isPresent())
        .put("self_harm", a.risk(RiskType.SELF_HARM).isPresent())
        .put("rationale", a.rationale());
    resources.ifPresent(r -> body.put("resources", r));
    return body.put("request_id", RequestIds.of(ctx)).put("timestamp", Instant.now().toString());
  }

  /** The screen endpoint's flatter resource shape (name, phone, text, chat_url…), from a directory entry. */
  static JsonObject screenResource(JsonObject r) {
    JsonObject out = new JsonObject().put("id", r.getString("id")).put("name", r.getString("name"));
    for (String field : List.of("description", "phone", "chat_url", "website_url", "availability", "languages", "verified")) {
      if (r.getValue(field) != null) {
        out.put(field, r.getValue(field));
      }
    }
    if (r.getString("text_instructions") != null) {
      out.put("text", r.getString("text_instructions"));
    }
    return out;
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
