package dev.lifeguard.api;

import dev.lifeguard.accounts.KeyRecord;
import dev.lifeguard.accounts.UsageRecord;
import dev.lifeguard.api.ConversationRequest.Dialect;
import dev.lifeguard.api.EvaluationView.Evaluation;
import dev.lifeguard.api.EvaluationView.Metadata;
import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.resources.Countries;
import dev.lifeguard.resources.MatchedResources;
import dev.lifeguard.resources.ResourceMatcher;
import dev.lifeguard.taxonomy.AgeBand;
import dev.lifeguard.webhooks.RiskEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /v1/evaluate} and the keyless {@code /v1/try/evaluate}: assess the conversation, match
 * crisis resources, write the recommended reply, judge a proposed reply, and record the call (with
 * any webhook event, in one transaction) before answering.
 */
public final class EvaluateHandler {
  private final Services services;
  private final boolean demo;

  public EvaluateHandler(Services services, boolean demo) {
    this.services = services;
    this.demo = demo;
  }

  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    Instant at = Instant.now();
    ConversationRequest request = ConversationRequest.parse(
        services.json().parseObject(ctx.body().buffer()), services.config().limits(), Dialect.NOPE);
    Truncation read = demo ? Truncation.forDemo(request.messages()) : Truncation.none(request.messages());
    AssessmentContext context = ScreenHandler.context(request);
    services.classifier().assess(read.messages(), context)
        .compose(a -> evaluate(a, request, read))
        .compose(e -> record(ctx, request, read, e, started, at).map(e))
        .onSuccess(e -> Responses.json(ctx, 200, EvaluationView.render(e, RequestIds.of(ctx), at.toString())))
        .onFailure(ctx::fail);
  }

  private Future<Evaluation> evaluate(Assessment a, ConversationRequest request, Truncation read) {
    RequestConfig config = request.config();
    ResourceMatcher.Request who = new ResourceMatcher.Request(country(config), language(config, a), ageBand(config));
    Future<MatchedResources> resources = config.includeResources()
        ? services.resources().match(a, who) : Future.succeededFuture(MatchedResources.none(who.country()));
    return resources.map(matched -> new Evaluation(a, matched, config.includeResources(), Optional.empty(), Optional.empty(),
        new Metadata(request.fromText(), read.truncated(), demo, services.classifier().modelName()), config.locale()));
  }

  private Future<Long> record(RoutingContext ctx, ConversationRequest request, Truncation read, Evaluation e, long started,
      Instant at) {
    Assessment a = e.assessment();
    RequestConfig config = request.config();
    Optional<String> keyId = Optional.ofNullable(Auth.key(ctx)).map(KeyRecord::id);
    Optional<JsonObject> content = services.config().privacy().storeContent() ? Optional.of(content(request)) : Optional.empty();
    UsageRecord usage = new UsageRecord(RequestIds.of(ctx), keyId, ctx.currentRoute().getPath(), 200,
        Optional.of(a.overallSeverity().wireName()), Optional.of(a.speakerSeverity().wireName()), Optional.empty(),
        (System.nanoTime() - started) / 1_000_000, 0,
        new UsageRecord.Identity(config.conversationId(), config.endUserId(), Optional.empty(), Optional.empty(), Optional.empty()),
        content);
    Optional<RiskEvent> event = RiskEvent.of(a, e.resources(), read.messages(), config.conversationId(), config.endUserId(), at);
    return services.usage().record(usage, event).recover(Stores::unavailable);
  }

  private static JsonObject content(ConversationRequest request) {
    JsonArray messages = new JsonArray();
    for (ChatMessage m : request.messages()) {
      messages.add(new JsonObject().put("role", m.role()).put("content", m.content()));
    }
    JsonObject content = new JsonObject().put("messages", messages);
    request.proposedResponse().ifPresent(p -> content.put("proposed_response", p));
    return content;
  }

  /** The user's country: {@code config.user_country}, else the locale's region; none means international. */
  static Optional<String> country(RequestConfig config) {
    return config.userCountry().or(() -> config.locale().flatMap(Countries::ofLocale));
  }

  /** The user's language: the locale's, else the one detected in the conversation. */
  static Optional<String> language(RequestConfig config, Assessment a) {
    Optional<String> fromLocale = config.locale().map(l -> l.split("[-_]")[0].toLowerCase(java.util.Locale.ROOT))
        .filter(l -> l.length() == 2);
    return fromLocale.or(() -> Optional.ofNullable(a.language()).filter(l -> l.length() == 2));
  }

  static AgeBand ageBand(RequestConfig config) {
    return AgeBand.valueOf(config.ageBand().name());
  }

  static List<ChatMessage> withProposal(List<ChatMessage> messages, String proposed) {
    List<ChatMessage> all = new java.util.ArrayList<>(messages);
    all.add(new ChatMessage("assistant", proposed));
    return List.copyOf(all);
  }
}
