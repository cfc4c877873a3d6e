package dev.lifeguard.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeguard.accounts.KeyRecord;
import dev.lifeguard.accounts.UsageRecord;
import dev.lifeguard.api.ConversationRequest.Dialect;
import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.ocular.InvalidOcularRequest;
import dev.lifeguard.ocular.Ocular;
import dev.lifeguard.ocular.OcularOptions;
import dev.lifeguard.ocular.OcularReading;
import dev.lifeguard.ocular.VerdictPolicy;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code /v1/ocular} and the keyless {@code /v1/try/ocular}: read the conversation on Ocular's axes
 * (see {@link Ocular}), record the call with the caller's identity fields, and answer in both the
 * seed's and the live API's shape. Identity fields go to the usage record only, never to the classifier.
 */
public final class OcularHandler {
  private final Services services;
  private final boolean demo;
  private final Ocular ocular;

  public OcularHandler(Services services, boolean demo) {
    this.services = services;
    this.demo = demo;
    this.ocular = new Ocular(services.classifier()::assess, VerdictPolicy.DEFAULT);
  }

  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    Instant at = Instant.now();
    ObjectNode body = services.json().parseObject(ctx.body().buffer());
    ConversationRequest request = ConversationRequest.parse(body, services.config().limits(), Dialect.NOPE);
    OcularOptions options = options(body);
    Truncation read = demo ? Truncation.forDemo(request.messages()) : Truncation.none(request.messages());
    int dropped = request.messages().size() - read.messages().size();
    ocular.read(read.messages(), ScreenHandler.context(request), options, dropped)
        .compose(r -> {
          long inferenceMillis = (System.nanoTime() - started) / 1_000_000;
          return record(ctx, request, options, r, started).map(id -> OcularView.render(r,
              new OcularView.Meta(services.classifier().modelName(), inferenceMillis, options.thoroughnessWire(),
                  request.fromText(), demo, read.truncated()), RequestIds.of(ctx), at.toString()));
        })
        .onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private static OcularOptions options(ObjectNode body) {
    try {
      return OcularOptions.parse(body);
    } catch (InvalidOcularRequest e) {
      throw ApiError.badRequest(e.getMessage(), e.field());
    }
  }

  private Future<Long> record(RoutingContext ctx, ConversationRequest request, OcularOptions options, OcularReading r,
      long started) {
    Assessment a = r.deciding();
    RequestConfig config = request.config();
    Optional<String> keyId = Optional.ofNullable(Auth.key(ctx)).map(KeyRecord::id);
    Optional<JsonObject> content = StoredContent.of(services.config().privacy(), request.messages(), Optional.empty());
    UsageRecord usage = new UsageRecord(RequestIds.of(ctx), keyId, ctx.currentRoute().getPath(), 200,
        Optional.of(a.overallSeverity().wireName()), Optional.of(a.speakerSeverity().wireName()),
        Optional.of(r.verdict().wireName()), Metering.riskTypes(a), (System.nanoTime() - started) / 1_000_000,
        Metering.chargedMills(ctx),
        new UsageRecord.Identity(config.conversationId(), config.endUserId(), options.userId(), options.sessionId(),
            options.agentId()),
        content);
    return services.usage().record(usage, Optional.empty()).onSuccess(id -> Metering.recorded(ctx)).recover(Stores::unavailable);
  }

}
