package dev.lifeguard.api;

import dev.lifeguard.config.UpstreamConfig;
import dev.lifeguard.proxy.UpstreamClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code GET /v1/models} and {@code GET /v1/safe/models}: clients such as Open WebUI check a
 * connection with it. The upstream's own list when it answers, else {@code upstream.models}; the
 * aliases of {@code upstream.model_map} are listed too, since callers may ask for them.
 */
public final class ModelsHandler {
  private final UpstreamClient upstream;

  public ModelsHandler(UpstreamClient upstream) {
    this.upstream = upstream;
  }

  public void handle(RoutingContext ctx) {
    UpstreamConfig config = upstream.config();
    Future<Set<String>> ids = upstream.configured()
        ? upstream.models().map(ModelsHandler::ids).recover(e -> configured(config))
        : configured(config);
    ids.map(found -> {
          Set<String> all = new LinkedHashSet<>(found);
          all.addAll(config.modelMap().keySet());
          return all;
        })
        .onSuccess(all -> Responses.json(ctx, 200, list(all)))
        .onFailure(ctx::fail);
  }

  private static Future<Set<String>> configured(UpstreamConfig config) {
    if (!config.models().isEmpty() || !config.modelMap().isEmpty()) {
      return Future.succeededFuture(new LinkedHashSet<>(config.models()));
    }
    return Future.failedFuture(config.configured()
        ? ApiError.of(502, "The upstream LLM did not list its models and upstream.models is not configured", "upstream_error")
        : ApiError.of(503, "No upstream LLM is configured (set upstream.url)", "upstream_not_configured"));
  }

  private static Set<String> ids(JsonObject upstreamList) {
    Set<String> ids = new LinkedHashSet<>();
    for (Object item : upstreamList.getJsonArray("data")) {
      if (item instanceof JsonObject model && model.getValue("id") instanceof String id && !id.isBlank()) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** The OpenAI list shape; {@code created} is not known for configured models, so it is the epoch like many proxies. */
  private static JsonObject list(Set<String> ids) {
    JsonArray data = new JsonArray();
    for (String id : ids) {
      data.add(new JsonObject().put("id", id).put("object", "model").put("created", 0).put("owned_by", "lifeguard"));
    }
    return new JsonObject().put("object", "list").put("data", data);
  }
}
