package dev.lifeguard.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.lifeguard.proxy.Completions;
import dev.lifeguard.reply.RecommendedReply;
import dev.lifeguard.reply.ReplyComposer;
import dev.lifeguard.reply.ReplyContext;
import dev.lifeguard.reply.ResponseCheck;
import dev.lifeguard.reply.ResponseChecker;
import dev.lifeguard.reply.SafetyPrompt;
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
import java.util.concurrent.TimeUnit;

/**
 * {@code /v1/evaluate} and the keyless {@code /v1/try/evaluate}: assess the conversation, match
 * crisis resources, write the recommended reply, judge a proposed reply, and record the call (with
 * any webhook event, in one transaction) before answering.
 */
public final class EvaluateHandler {
  static final int GENERATED_MAX_TOKENS = 400;
  static final double GENERATED_TEMPERATURE = 0.4;
  /** A drafted reply is a nicety: past this, the template answers instead of keeping the caller waiting. */
  static final long GENERATE_TIMEOUT_SECONDS = 8;
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
        .compose(a -> evaluate(a, request, read, context))
        .compose(e -> record(ctx, request, read, e, started, at).map(e))
        .onSuccess(e -> Responses.json(ctx, 200, EvaluationView.render(e, RequestIds.of(ctx), at.toString())))
        .onFailure(ctx::fail);
  }

  private Future<Evaluation> evaluate(Assessment a, ConversationRequest request, Truncation read, AssessmentContext context) {
    RequestConfig config = request.config();
    ResourceMatcher.Request who = new ResourceMatcher.Request(country(config), language(config, a), ageBand(config));
    Future<MatchedResources> resources = config.includeResources()
        ? services.resources().match(a, who) : Future.succeededFuture(MatchedResources.none(who.country()));
    return resources.compose(matched -> {
      ReplyContext replyContext = new ReplyContext(who.language().orElse(ReplyContext.DEFAULT_LANGUAGE), who.ageBand(),
          matched.helplines(), matched.emergency());
      Optional<RecommendedReply> template = config.returnAssistantReply() ? ReplyComposer.compose(a, replyContext) : Optional.empty();
      Future<Optional<RecommendedReply>> reply = template.isPresent() && config.assistantSafetyMode() == RequestConfig.SafetyMode.GENERATE
          ? generate(a, read.messages(), replyContext, context, matched).map(Optional::of).otherwise(template)
          : Future.succeededFuture(template);
      Future<Optional<JsonObject>> judged = request.proposedResponse().isEmpty() ? Future.succeededFuture(Optional.empty())
          : judge(a, read.messages(), request.proposedResponse().get(), context, matched).map(c -> Optional.of(checkJson(c)));
      return Future.all(reply, judged).map(both -> new Evaluation(a, matched, config.includeResources(),
          reply.result().map(EvaluateHandler::replyJson), judged.result(),
          new Metadata(request.fromText(), read.truncated(), demo, services.classifier().modelName()), config.locale()));
    });
  }

  /**
   * Judges a proposed reply in the conversation's context. A benign conversation with a reply that
   * trips no pattern takes the fast path; otherwise the reply is assessed as the assistant's next
   * turn (earlier turns come from the classifier's cache), so its AI-concern heads are read too.
   */
  private Future<ResponseCheck> judge(Assessment a, List<ChatMessage> messages, String proposed, AssessmentContext context,
      MatchedResources matched) {
    Optional<ResponseCheck> fast = ResponseChecker.fastPath(a, proposed);
    if (fast.isPresent()) {
      return Future.succeededFuture(fast.get());
    }
    return services.classifier().assess(withProposal(messages, proposed), context)
        .map(withProposed -> ResponseChecker.check(a, withProposed, proposed, matched.all()));
  }

  /**
   * {@code assistant_safety_mode: "generate"}: the configured upstream LLM drafts the reply under the
   * safety prompt (which lists the only resources it may cite); the draft is judged like any proposed
   * reply and used only if it passes (augmented with resources if that is all it lacks). Any
   * failure, timeout or unsafe draft fails this future, and the caller falls back to the template.
   */
  private Future<RecommendedReply> generate(Assessment a, List<ChatMessage> messages, ReplyContext replyContext,
      AssessmentContext context, MatchedResources matched) {
    if (!services.upstream().configured()) {
      return Future.failedFuture("no upstream configured");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode turns = body.putArray("messages");
    turns.addObject().put("role", "system").put("content", SafetyPrompt.build(a, replyContext));
    messages.forEach(m -> turns.addObject().put("role", m.role()).put("content", m.content()));
    body.put("max_tokens", GENERATED_MAX_TOKENS).put("temperature", GENERATED_TEMPERATURE);
    return services.upstream().complete(body).timeout(GENERATE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .map(reply -> Optional.ofNullable(Completions.content(new JsonObject(reply.body().toString()))).filter(t -> !t.isBlank())
            .orElseThrow(() -> new IllegalStateException("empty draft")))
        .compose(draft -> judge(a, messages, draft, context, matched).compose(check -> switch (check.recommendation()) {
          case USE -> Future.succeededFuture(new RecommendedReply(draft, RecommendedReply.Source.LLM_GENERATED));
          case AUGMENT -> Future.succeededFuture(new RecommendedReply(ReplyComposer.augment(draft, replyContext, a),
              RecommendedReply.Source.LLM_GENERATED));
          case REPLACE -> Future.failedFuture("the generated draft failed the checks: " + String.join(", ", check.issues()));
        }));
  }

  static JsonObject replyJson(RecommendedReply reply) {
    return new JsonObject().put("content", reply.content()).put("source", reply.source().wireName());
  }

  static JsonObject checkJson(ResponseCheck check) {
    return new JsonObject()
        .put("appropriate", check.appropriate())
        .put("issues", new JsonArray(check.issues()))
        .put("recommendation", check.recommendation().wireName())
        .put("reasoning", check.reasoning());
  }

  private Future<Long> record(RoutingContext ctx, ConversationRequest request, Truncation read, Evaluation e, long started,
      Instant at) {
    Assessment a = e.assessment();
    RequestConfig config = request.config();
    Optional<String> keyId = Optional.ofNullable(Auth.key(ctx)).map(KeyRecord::id);
    Optional<JsonObject> content = StoredContent.of(services.config().privacy(), request.messages(), request.proposedResponse());
    UsageRecord usage = new UsageRecord(RequestIds.of(ctx), keyId, ctx.currentRoute().getPath(), 200,
        Optional.of(a.overallSeverity().wireName()), Optional.of(a.speakerSeverity().wireName()), Optional.empty(),
        Metering.riskTypes(a), (System.nanoTime() - started) / 1_000_000, Metering.chargedMills(ctx),
        new UsageRecord.Identity(config.conversationId(), config.endUserId(), Optional.empty(), Optional.empty(), Optional.empty()),
        content);
    Optional<RiskEvent> event = RiskEvent.of(a, e.resources(), read.messages(), config.conversationId(), config.endUserId(), at);
    return services.usage().record(usage, event).onSuccess(id -> Metering.recorded(ctx)).recover(Stores::unavailable);
  }


  /** The user's country: {@code config.user_country}, else the locale's region; none means international. */
  static Optional<String> country(RequestConfig config) {
    return config.userCountry().or(() -> config.locale().flatMap(Countries::ofLocale));
  }

  /** The user's language: the locale's, else the one detected in the conversation ({@code a} may be null: not assessed). */
  static Optional<String> language(RequestConfig config, Assessment a) {
    Optional<String> fromLocale = config.locale().map(l -> l.split("[-_]")[0].toLowerCase(java.util.Locale.ROOT))
        .filter(l -> l.length() == 2);
    return fromLocale.or(() -> Optional.ofNullable(a).map(Assessment::language).filter(l -> l.length() == 2));
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
