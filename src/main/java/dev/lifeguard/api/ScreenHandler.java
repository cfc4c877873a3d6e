package dev.lifeguard.api;

import dev.lifeguard.accounts.KeyRecord;
import dev.lifeguard.accounts.UsageRecord;
import dev.lifeguard.api.ConversationRequest.Dialect;
import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.Risk;
import dev.lifeguard.resources.Countries;
import dev.lifeguard.resources.ResourceMatcher;
import dev.lifeguard.taxonomy.AgeBand;
import dev.lifeguard.taxonomy.RiskType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code /v1/screen} and {@code /v0/screen}: fast triage, a projection of the one Assessment. */
public final class ScreenHandler {
  /** The SDK documents US as screen's default country. */
  static final String DEFAULT_COUNTRY = "US";

  private final Services services;

  public ScreenHandler(Services services) {
    this.services = services;
  }

  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    ConversationRequest request = ConversationRequest.parse(
        services.json().parseObject(ctx.body().buffer()), services.config().limits(), Dialect.NOPE);
    services.classifier().assess(request.messages(), context(request))
        .compose(assessment -> resources(assessment, request)
            .map(resources -> render(assessment, resources, ctx))
            .compose(body -> record(ctx, notes(assessment, request), started).map(body)))
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  /**
   * The usage record is durable before the 200 goes out (as evaluate's is): a record written after
   * the answer would be lost, though acknowledged, if the database failed in between.
   */
  private Future<Long> record(RoutingContext ctx, Metering.Notes n, long started) {
    UsageRecord usage = new UsageRecord(RequestIds.of(ctx), Optional.ofNullable(Auth.key(ctx)).map(KeyRecord::id),
        ctx.currentRoute().getPath(), 200, n.overallSeverity(), n.speakerSeverity(), n.verdict(), n.riskTypes(),
        (System.nanoTime() - started) / 1_000_000, Metering.chargedMills(ctx), n.identity(), Optional.empty());
    return services.usage().record(usage, Optional.empty()).onSuccess(id -> Metering.recorded(ctx)).recover(Stores::unavailable);
  }

  /** What screen's usage record keeps (no content). */
  private static Metering.Notes notes(Assessment a, ConversationRequest request) {
    return new Metering.Notes(Optional.of(a.overallSeverity().wireName()), Optional.of(a.speakerSeverity().wireName()),
        Optional.empty(), Metering.riskTypes(a), new UsageRecord.Identity(request.config().conversationId(),
            request.config().endUserId(), Optional.empty(), Optional.empty(), Optional.empty()));
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

  private Future<Optional<JsonObject>> resources(Assessment a, ConversationRequest request) {
    ResourceMatcher.Request who = new ResourceMatcher.Request(Optional.of(country(request)),
        EvaluateHandler.language(request.config(), a), EvaluateHandler.ageBand(request.config()));
    return services.resources().match(a, who).map(matched -> {
      if (matched.isEmpty()) {
        return Optional.empty();
      }
      JsonArray secondary = new JsonArray();
      matched.secondary().stream().map(ScreenHandler::screenResource).forEach(secondary::add);
      return Optional.of(new JsonObject().put("primary", screenResource(matched.primary().get())).put("secondary", secondary));
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
        .put("show_resources", ResourceMatcher.warranted(a))
        .put("suicidal_ideation", a.risk(RiskType.SUICIDE).isPresent())
        .put("self_harm", a.risk(RiskType.SELF_HARM).isPresent())
        .put("rationale", a.rationale());
    resources.ifPresent(r -> body.put("resources", r));
    return body.put("request_id", RequestIds.of(ctx)).put("timestamp", Instant.now().toString());
  }

  /** The screen endpoint's flatter resource shape (name, phone, text, chat_url…), from a directory entry. */
  static JsonObject screenResource(JsonObject r) {
    JsonObject out = new JsonObject().put("id", r.getString("id")).put("name", r.getString("name"));
    for (String field : List.of("type", "description", "phone", "chat_url", "website_url", "availability", "languages",
        "verified", "why")) {
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
