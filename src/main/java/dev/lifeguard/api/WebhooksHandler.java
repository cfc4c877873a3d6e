package dev.lifeguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeguard.config.WebhooksConfig;
import dev.lifeguard.webhooks.AddressPolicy;
import dev.lifeguard.webhooks.HostResolver;
import dev.lifeguard.webhooks.Webhook;
import dev.lifeguard.webhooks.WebhookStore;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v1/webhooks}: the calling key's webhooks. Another key's webhook answers 404, exactly like
 * one that does not exist. The signing secret is returned on create (and on regenerate) only.
 */
public final class WebhooksHandler {
  private static final Set<String> CREATE_FIELDS = Set.of("url", "min_risk_level", "include_conversation");
  private static final Set<String> PATCH_FIELDS = Set.of("url", "min_risk_level", "include_conversation", "enabled");
  private static final Set<String> LEVELS = Set.of("low", "moderate", "high", "critical");
  private static final String DEFAULT_LEVEL = "high";
  static final int DEFAULT_LOG_LIMIT = 50;
  static final int MAX_LOG_LIMIT = 200;

  private final WebhookStore store;
  private final JsonBodies json;
  private final AddressPolicy policy;
  private final HostResolver resolver;
  private final WebhooksConfig config;

  WebhooksHandler(WebhookStore store, JsonBodies json, WebhooksConfig config, HostResolver resolver) {
    this.store = store;
    this.json = json;
    this.config = config;
    this.policy = new AddressPolicy(config.allowPrivateAddresses());
    this.resolver = resolver;
  }

  /** Mounts every webhook route behind {@code auth}. */
  static void mount(Router router, Handler<RoutingContext> auth, Vertx vertx, Services services) {
    WebhooksHandler h = new WebhooksHandler(new WebhookStore(services.pool()), services.json(), services.config().webhooks(),
        HostResolver.system(vertx));
    router.post("/v1/webhooks").handler(auth).handler(h::create);
    router.get("/v1/webhooks").handler(auth).handler(h::list);
    router.get("/v1/webhooks/:id").handler(auth).handler(h::get);
    router.patch("/v1/webhooks/:id").handler(auth).handler(h::update);
    router.delete("/v1/webhooks/:id").handler(auth).handler(h::delete);
    router.post("/v1/webhooks/:id/test").handler(auth).handler(h::test);
    router.post("/v1/webhooks/:id/regenerate-secret").handler(auth).handler(h::regenerateSecret);
    router.get("/v1/webhooks/:id/deliveries").handler(auth).handler(h::deliveries);
    router.get("/v1/webhooks/:id/events").handler(auth).handler(h::deliveries);
  }

  void create(RoutingContext ctx) {
    ObjectNode body = json.parseObject(ctx.body().buffer());
    onlyFields(body, CREATE_FIELDS);
    String level = level(body).orElse(DEFAULT_LEVEL);
    boolean include = bool(body, "include_conversation").orElse(false);
    String keyId = Auth.key(ctx).id();
    receiver(body.get("url"))
        .compose(url -> store.create(keyId, url, level, include, config.maxPerKey()).recover(Stores::unavailable))
        .onSuccess(created -> {
          if (created.isEmpty()) {
            ctx.fail(ApiError.badRequest("This API key already has " + config.maxPerKey()
                + " webhooks, the most allowed: delete one first", null));
          } else {
            Responses.json(ctx, 201, created.get().webhook().toJson().put("secret", created.get().secret()));
          }
        })
        .onFailure(ctx::fail);
  }

  void list(RoutingContext ctx) {
    store.list(Auth.key(ctx).id()).recover(Stores::unavailable)
        .onSuccess(all -> {
          JsonArray array = new JsonArray();
          all.stream().map(Webhook::toJson).forEach(array::add);
          Responses.json(ctx, 200, new JsonObject().put("webhooks", array));
        })
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    found(ctx, store.find(Auth.key(ctx).id(), ctx.pathParam("id")), Webhook::toJson);
  }

  void update(RoutingContext ctx) {
    ObjectNode body = json.parseObject(ctx.body().buffer());
    onlyFields(body, PATCH_FIELDS);
    Optional<String> level = level(body);
    Optional<Boolean> include = bool(body, "include_conversation");
    Optional<Boolean> enabled = bool(body, "enabled");
    JsonNode url = body.get("url");
    Future<Optional<String>> checked = url == null ? Future.succeededFuture(Optional.empty()) : receiver(url).map(Optional::of);
    String keyId = Auth.key(ctx).id();
    found(ctx, checked.compose(u -> store.update(keyId, ctx.pathParam("id"), new WebhookStore.Changes(u, level, include, enabled))),
        Webhook::toJson);
  }

  void delete(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    found(ctx, store.delete(Auth.key(ctx).id(), id).map(deleted -> deleted ? Optional.of(id) : Optional.<String>empty()),
        deleted -> new JsonObject().put("success", true).put("id", deleted));
  }

  /** Queues a {@code test.ping}; it is delivered like any event (202: accepted, not yet delivered). */
  void test(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    store.enqueuePing(Auth.key(ctx).id(), id).recover(Stores::unavailable)
        .onSuccess(body -> {
          if (body.isEmpty()) {
            ctx.fail(notFound(id));
          } else {
            Responses.json(ctx, 202, new JsonObject().put("success", true).put("status", "pending")
                .put("event_id", body.get().getString("event_id")).put("event", "test.ping").put("payload", body.get()));
          }
        })
        .onFailure(ctx::fail);
  }

  void regenerateSecret(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    found(ctx, store.regenerateSecret(Auth.key(ctx).id(), id), secret -> new JsonObject().put("id", id).put("secret", secret));
  }

  /** The delivery log, newest first: each event's status and every attempt with its HTTP status or error. */
  void deliveries(RoutingContext ctx) {
    String keyId = Auth.key(ctx).id();
    String id = ctx.pathParam("id");
    int limit = limit(ctx);
    store.find(keyId, id)
        .compose(webhook -> webhook.isEmpty() ? Future.succeededFuture(Optional.<JsonArray>empty())
            : store.events(keyId, id, limit).map(events -> Optional.of(new JsonArray(events))))
        .recover(Stores::unavailable)
        .onSuccess(events -> {
          if (events.isEmpty()) {
            ctx.fail(notFound(id));
          } else {
            Responses.json(ctx, 200, new JsonObject().put("webhook_id", id).put("events", events.get()));
          }
        })
        .onFailure(ctx::fail);
  }

  private <T> void found(RoutingContext ctx, Future<Optional<T>> lookup, java.util.function.Function<T, JsonObject> view) {
    lookup.recover(Stores::unavailable)
        .onSuccess(value -> {
          if (value.isEmpty()) {
            ctx.fail(notFound(ctx.pathParam("id")));
          } else {
            Responses.json(ctx, 200, view.apply(value.get()));
          }
        })
        .onFailure(ctx::fail);
  }

  /** A receiver URL that passes the form rules and whose every address may be delivered to: the text to store. */
  private Future<String> receiver(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return Future.failedFuture(ApiError.badRequest("url is required: the https URL that receives the events", "url"));
    }
    URI uri;
    try {
      uri = policy.parse(node.asText());
    } catch (AddressPolicy.Rejected e) {
      return Future.failedFuture(ApiError.badRequest(e.getMessage(), "url"));
    }
    String host = AddressPolicy.bareHost(uri);
    return resolver.resolve(host).compose(addresses -> {
      Optional<String> refusal = policy.check(host, addresses);
      return refusal.isPresent()
          ? Future.failedFuture(ApiError.badRequest("url is not allowed: " + refusal.get(), "url"))
          : Future.succeededFuture(uri.toString());
    });
  }

  private static void onlyFields(ObjectNode body, Set<String> allowed) {
    body.fieldNames().forEachRemaining(f -> {
      if (!allowed.contains(f)) {
        throw ApiError.badRequest("Unknown field \"" + f + "\": expected " + String.join(", ", allowed.stream().sorted().toList()), f);
      }
    });
  }

  private static Optional<String> level(ObjectNode body) {
    JsonNode node = body.get("min_risk_level");
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    String text = node.isTextual() ? node.asText().trim().toLowerCase() : "";
    if (text.equals("medium")) {
      text = "moderate"; // the SDKs' name for the same level
    }
    if (!LEVELS.contains(text)) {
      throw ApiError.badRequest("min_risk_level must be one of low, moderate, high, critical", "min_risk_level");
    }
    return Optional.of(text);
  }

  private static Optional<Boolean> bool(ObjectNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isBoolean()) {
      throw ApiError.badRequest(field + " must be true or false", field);
    }
    return Optional.of(node.asBoolean());
  }

  private static int limit(RoutingContext ctx) {
    String text = ctx.request().getParam("limit");
    if (text == null || text.isBlank()) {
      return DEFAULT_LOG_LIMIT;
    }
    if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LOG_LIMIT) {
      throw ApiError.badRequest("limit must be an integer from 1 to " + MAX_LOG_LIMIT, "limit");
    }
    return Integer.parseInt(text);
  }

  private static ApiError notFound(String id) {
    return ApiError.notFound("Webhook not found").with("id", id);
  }
}
