package dev.lifeguard.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeguard.accounts.KeyRecord;
import dev.lifeguard.accounts.UsageRecord;
import dev.lifeguard.api.ConversationRequest.Dialect;
import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.config.ScreeningConfig;
import dev.lifeguard.proxy.ChunkFrames;
import dev.lifeguard.proxy.Completions;
import dev.lifeguard.proxy.StreamScreener;
import dev.lifeguard.proxy.UpstreamBodies;
import dev.lifeguard.proxy.UpstreamClient;
import dev.lifeguard.proxy.UpstreamException;
import dev.lifeguard.proxy.UpstreamReply;
import dev.lifeguard.proxy.UpstreamStream;
import dev.lifeguard.reply.ReplyComposer;
import dev.lifeguard.reply.ReplyContext;
import dev.lifeguard.reply.ResponseCheck;
import dev.lifeguard.reply.ResponseChecker;
import dev.lifeguard.reply.SafetyPrompt;
import dev.lifeguard.resources.MatchedResources;
import dev.lifeguard.resources.ResourceMatcher;
import dev.lifeguard.screening.Action;
import dev.lifeguard.screening.InputPolicy;
import dev.lifeguard.screening.InputPolicy.Decision;
import dev.lifeguard.screening.OutputPolicy;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.webhooks.RiskEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /v1/safe}, {@code /v1/safe/chat/completions} and {@code /v1/chat/completions}: the
 * OpenAI-compatible screening proxy. The user's turn is assessed while the upstream call already
 * starts; nothing is sent to the client before the verdict; the model's reply is screened before it
 * is released (whole, or window by window when streamed); at-risk users get crisis resources for
 * their country and language. If screening is unavailable, no model text is released.
 */
public final class SafeHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SafeHandler.class);
  static final String RISK_LEVEL = "X-NOPE-Risk-Level";
  static final String CONFIDENCE = "X-NOPE-Confidence";
  static final String VERSION = "X-NOPE-Version";
  static final String ACTION = "X-NOPE-Action";

  private final Services services;

  public SafeHandler(Services services) {
    this.services = services;
  }

  public void handle(RoutingContext ctx) {
    ConversationRequest request = ConversationRequest.parse(
        services.json().parseObject(ctx.body().buffer()), services.config().limits(), Dialect.OPENAI);
    List<ChatMessage> conversation = request.messages().stream()
        .filter(m -> m.role().equals("user") || m.role().equals("assistant"))
        .filter(m -> !m.content().isBlank()).toList();
    if (conversation.stream().noneMatch(m -> m.role().equals("user"))) {
      throw ApiError.badRequest("\"messages\" must contain at least one user message with text to screen", "messages");
    }
    new Exchange(ctx, request, conversation).start();
  }

  /** One proxied request, from input screening to the recorded outcome. */
  private final class Exchange {
    private final RoutingContext ctx;
    private final ConversationRequest request;
    private final List<ChatMessage> conversation;
    private final ScreeningConfig screening = services.config().screening();
    private final UpstreamClient upstream = services.upstream();
    private final AssessmentContext context;
    private final boolean stream;
    private final boolean includeUsage;
    private final long started = System.nanoTime();
    private final Instant at = Instant.now();
    private final String model;
    private Future<UpstreamReply> pendingReply;
    private Future<UpstreamStream> pendingStream;
    /** What replaces a withheld model reply when nobody was found at risk: a notice and general crisis lines. */
    private String withheld;
    private long usageId = -1;
    /** The input side's action, once known: the usage verdict starts with it. */
    private String inputAction = "pass";

    Exchange(RoutingContext ctx, ConversationRequest request, List<ChatMessage> conversation) {
      this.ctx = ctx;
      this.request = request;
      this.conversation = conversation;
      this.context = ScreenHandler.context(request);
      this.stream = request.body().path("stream").asBoolean(false);
      this.includeUsage = request.body().path("stream_options").path("include_usage").asBoolean(false);
      String requested = request.body().path("model").asText("");
      this.model = requested.isEmpty() ? upstream.config().defaultModel().orElse("lifeguard") : requested;
    }

    void start() {
      // Speculative: the upstream starts now unless the safe-messaging prompt may have to be added first.
      if (upstream.configured() && !screening.safeMessagingPrompt()) {
        callUpstream(Optional.empty());
      }
      services.classifier().assess(conversation, context).onComplete(ar -> {
        if (ar.failed()) {
          inputUnavailable(ar.cause());
        } else {
          screened(ar.result());
        }
      });
    }

    private void callUpstream(Optional<String> systemPrompt) {
      ObjectNode body = UpstreamBodies.from(request.body(), systemPrompt);
      if (stream) {
        pendingStream = upstream.stream(body);
      } else {
        pendingReply = upstream.complete(body);
      }
    }

    private void cancelUpstream() {
      if (pendingStream != null) {
        pendingStream.onSuccess(UpstreamStream::cancel);
      }
      // A non-streamed call in flight is left to finish within its timeout; its answer is discarded.
    }

    private void inputUnavailable(Throwable cause) {
      if (screening.failOpenInput() && upstream.configured()) {
        if (pendingReply == null && pendingStream == null) {
          callUpstream(Optional.empty());
        }
        screened(null);
        return;
      }
      cancelUpstream();
      fail(unavailable(language(null)));
    }

    private void screened(Assessment a) {
      Decision decision = a == null ? new Decision(Action.PASS, Severity.NONE, 0) : InputPolicy.decide(a, screening);
      Optional<String> country = EvaluateHandler.country(request.config()).or(screening::defaultCountry);
      String language = language(a);
      Future<MatchedResources> matched = a == null ? Future.succeededFuture(MatchedResources.none(country))
          : services.resources().match(a, new ResourceMatcher.Request(country, Optional.of(language),
              EvaluateHandler.ageBand(request.config())));
      ResourceMatcher.Request who = new ResourceMatcher.Request(country, Optional.of(language), EvaluateHandler.ageBand(request.config()));
      matched.compose(resources -> (resources.isEmpty() ? services.resources().general(who) : Future.succeededFuture(resources))
              .map(general -> {
                withheld = ReplyComposer.withheld(new ReplyContext(language, who.ageBand(), general.helplines(), Optional.empty()));
                return resources;
              }))
          .compose(resources -> record(a, decision).map(id -> {
            usageId = id;
            inputAction = wire(decision.action());
            return resources;
          }))
          .onSuccess(resources -> decided(a, decision, new ReplyContext(language, who.ageBand(),
              resources.helplines(), resources.emergency()), resources))
          .onFailure(e -> {
            cancelUpstream();
            fail(e);
          });
    }

    private void decided(Assessment a, Decision decision, ReplyContext reply, MatchedResources resources) {
      headers(decision);
      if (decision.action() == Action.REPLACE) {
        cancelUpstream();
        answer(replacement(a, reply, withheld), "stop", decision.action());
        return;
      }
      if (!upstream.configured()) {
        if (decision.action() != Action.PASS && a != null) {
          answer(replacement(a, reply, withheld), "stop", decision.action());
        } else {
          fail(ApiError.of(503, "No upstream LLM is configured (set upstream.url); Lifeguard can only answer at-risk "
              + "conversations itself", "upstream_not_configured"));
        }
        return;
      }
      if (pendingReply == null && pendingStream == null) {
        boolean prompt = a != null && a.maxSeverity().atLeast(Severity.MODERATE);
        callUpstream(prompt ? Optional.of(SafetyPrompt.build(a, reply)) : Optional.empty());
      }
      if (stream) {
        pendingStream.onSuccess(s -> relay(s, a, decision, reply, resources)).onFailure(this::fail);
      } else {
        pendingReply.compose(r -> screenReply(r, a, decision, reply, resources)).onFailure(this::fail);
      }
    }

    /** Non-streamed: the whole reply is checked, then released, augmented or replaced. */
    private Future<Void> screenReply(UpstreamReply upstreamReply, Assessment a, Decision decision, ReplyContext reply,
        MatchedResources resources) {
      JsonObject completion = Completions.screenable(new JsonObject(upstreamReply.body().toString()));
      String content = Completions.content(completion);
      if (content == null || content.isBlank()) {
        return send(completion);
      }
      // Judge what would be released: with the policy's resources already added when it asks for them.
      boolean augmenting = decision.action() == Action.AUGMENT || decision.action() == Action.BYSTANDER;
      String candidate = augmenting ? augment(content, reply, a) : content;
      return check(a, candidate, resources).map(check -> {
        Action action = check == null ? decision.action() : InputPolicy.stronger(decision.action(), OutputPolicy.actionFor(check));
        ctx.response().putHeader(ACTION, wire(action));
        outcome("input:" + wire(decision.action()) + " output:" + (check == null ? "unscreened" : check.recommendation().wireName()));
        return switch (action) {
          case PASS -> completion;
          case AUGMENT, BYSTANDER -> Completions.withContent(completion, augmenting ? candidate : augment(content, reply, a), null);
          case REPLACE -> Completions.withContent(completion, replacement(a, reply, withheld), "content_filter");
        };
      }).compose(this::send);
    }

    /** The reply judged in context; null when screening failed and the operator allows failing open. */
    private Future<ResponseCheck> check(Assessment a, String text, MatchedResources resources) {
      if (a != null) {
        Optional<ResponseCheck> fast = ResponseChecker.fastPath(a, text);
        if (fast.isPresent()) {
          return Future.succeededFuture(fast.get());
        }
      }
      Future<ResponseCheck> judged = a == null
          ? Future.failedFuture(new IllegalStateException("input was not screened"))
          : services.classifier().assess(EvaluateHandler.withProposal(conversation, text), context)
              .map(withReply -> ResponseChecker.check(a, withReply, text, resources.all()));
      return judged.recover(e -> screening.failOpenOutput() ? Future.succeededFuture(null)
          : Future.failedFuture(unavailable(language(a))));
    }

    /** Streamed: released window by window behind screening. */
    private void relay(UpstreamStream upstreamStream, Assessment a, Decision decision, ReplyContext reply,
        MatchedResources resources) {
      ctx.response().setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-cache").putHeader(ACTION, wire(decision.action()));
      ChunkFrames frames = new ChunkFrames(Completions.newId(), Completions.now(), model);
      boolean augmentAlways = decision.action() == Action.AUGMENT || decision.action() == Action.BYSTANDER;
      String augmentation = a == null ? "" : ReplyComposer.augment("", reply, a).strip();
      StreamScreener.Plan plan = new StreamScreener.Plan(replacement(a, reply, withheld), augmentation.isEmpty()
          ? withheld : augmentation, augmentation, augmentAlways,
          ReplyComposer.unavailable(reply.language()), screening.failOpenOutput(), includeUsage);
      new StreamScreener(ctx.vertx(), upstreamStream, ctx.response(), frames, screening.windowMinChars(),
          screening.windowMaxChars(), services.config().server().writeStallTimeout(),
          text -> check(a, text, resources).map(SafeHandler::verdict), plan).run()
          .onSuccess(outcome -> outcome("input:" + wire(decision.action()) + " stream:" + outcome.ending()));
    }

    private void answer(String content, String finishReason, Action action) {
      ctx.response().putHeader(ACTION, wire(action));
      if (!stream) {
        send(Completions.completion(Completions.newId(), Completions.now(), model, content, finishReason));
        return;
      }
      ChunkFrames frames = new ChunkFrames(Completions.newId(), Completions.now(), model);
      ctx.response().setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-cache");
      ctx.response().write(frames.role());
      ctx.response().write(frames.content(content));
      ctx.response().write(frames.finish(finishReason, new JsonObject().put("screening", "input_replaced")));
      if (includeUsage) {
        ctx.response().write(frames.usage(Completions.noUsage()));
      }
      ctx.response().end(ChunkFrames.DONE);
    }

    private Future<Void> send(JsonObject completion) {
      return ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(completion.encode());
    }

    private void headers(Decision decision) {
      ctx.response()
          .putHeader(RISK_LEVEL, decision.level().wireName())
          .putHeader(CONFIDENCE, String.format(Locale.ROOT, "%.3f", decision.confidence()))
          .putHeader(VERSION, services.classifier().modelName());
    }

    private Future<Long> record(Assessment a, Decision decision) {
      Optional<String> keyId = Optional.ofNullable(Auth.key(ctx)).map(KeyRecord::id);
      Optional<JsonObject> content = StoredContent.of(services.config().privacy(), conversation, Optional.empty());
      UsageRecord usage = new UsageRecord(RequestIds.of(ctx), keyId, ctx.currentRoute().getPath(), 200,
          Optional.of(decision.level().wireName()), Optional.ofNullable(a).map(x -> x.speakerSeverity().wireName()),
          Optional.of(wire(decision.action())), Optional.ofNullable(a).flatMap(Metering::riskTypes),
          (System.nanoTime() - started) / 1_000_000, Metering.chargedMills(ctx),
          new UsageRecord.Identity(request.config().conversationId(), request.config().endUserId(), Optional.empty(),
              Optional.empty(), Optional.empty()), content);
      Optional<RiskEvent> event = a == null ? Optional.empty() : RiskEvent.of(a, MatchedResources.none(Optional.empty()),
          conversation, request.config().conversationId(), request.config().endUserId(), at);
      return services.usage().record(usage, event).onSuccess(id -> Metering.recorded(ctx)).recover(Stores::unavailable);
    }

    /**
     * The call fails before any reply went out: the error answer (mapped where every error is), and
     * the usage record, if already written as a 200, amended to the status and ending the caller saw.
     */
    private void fail(Throwable e) {
      ApiError error = ErrorResponder.toApiError(e, ctx);
      if (usageId >= 0 && !ctx.response().headWritten()) {
        String ending = e instanceof UpstreamException ? "upstream_failed" : error.code();
        services.usage().failed(usageId, error.status(), "input:" + inputAction + " output:" + ending)
            .onFailure(x -> LOG.warn("event=usage_outcome_failed request_id={} error={}", RequestIds.of(ctx), x.toString()));
      }
      ctx.fail(error);
    }

    /** The output side is known after the usage record was written (headers could not wait): amend it. */
    private void outcome(String verdict) {
      if (usageId >= 0) {
        services.usage().outcome(usageId, verdict)
            .onFailure(e -> LOG.warn("event=usage_outcome_failed request_id={} error={}", RequestIds.of(ctx), e.toString()));
      }
    }

    private String language(Assessment a) {
      return EvaluateHandler.language(request.config(), a).orElse(ReplyContext.DEFAULT_LANGUAGE);
    }
  }

  /** The recommended reply for whoever is at risk, else the withheld notice. */
  private static String replacement(Assessment a, ReplyContext reply, String withheld) {
    return a == null ? withheld : ReplyComposer.compose(a, reply).map(r -> r.content()).orElse(withheld);
  }

  private static String augment(String content, ReplyContext reply, Assessment a) {
    return a == null ? content : ReplyComposer.augment(content, reply, a);
  }

  private static StreamScreener.Verdict verdict(ResponseCheck check) {
    if (check == null) {
      return StreamScreener.Verdict.RELEASE;
    }
    if (OutputPolicy.stopsStream(check)) {
      return StreamScreener.Verdict.STOP;
    }
    return check.recommendation() == ResponseCheck.Recommendation.AUGMENT
        ? StreamScreener.Verdict.RELEASE_AND_AUGMENT : StreamScreener.Verdict.RELEASE;
  }

  /** Fail closed: no model text, a message the app can show, and a code it can act on. */
  static ApiError unavailable(String language) {
    String message = ReplyComposer.unavailable(language);
    return ApiError.of(503, message, "screening_unavailable").with("message", message)
        .with("retry_after_seconds", Stores.RETRY_AFTER_SECONDS).header("Retry-After", Integer.toString(Stores.RETRY_AFTER_SECONDS));
  }

  private static String wire(Action action) {
    return action.name().toLowerCase(Locale.ROOT);
  }
}
