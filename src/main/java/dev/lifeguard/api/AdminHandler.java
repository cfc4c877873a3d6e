package dev.lifeguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeguard.accounts.KeyRecord;
import dev.lifeguard.accounts.KeyStore;
import dev.lifeguard.accounts.Plan;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** {@code /admin/v1/keys}: create, list and revoke API keys. Mounted only when an admin token is set. */
public final class AdminHandler {
  private static final int MAX_NAME_LENGTH = 200;
  private static final Set<String> CREATE_FIELDS = Set.of("name", "plan", "test");

  private final KeyStore keys;
  private final JsonBodies json;

  public AdminHandler(KeyStore keys, JsonBodies json) {
    this.keys = keys;
    this.json = json;
  }

  public void create(RoutingContext ctx) {
    ObjectNode body = json.parseObject(ctx.body().buffer());
    body.fieldNames().forEachRemaining(f -> {
      if (!CREATE_FIELDS.contains(f)) {
        throw ApiError.badRequest("Unknown field \"" + f + "\": expected name, plan, test", f);
      }
    });
    JsonNode name = body.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().length() > MAX_NAME_LENGTH) {
      throw ApiError.badRequest("name is required: a string of 1 to " + MAX_NAME_LENGTH + " characters", "name");
    }
    Plan plan = Plan.FREE;
    JsonNode planNode = body.get("plan");
    if (planNode != null && !planNode.isNull()) {
      try {
        plan = Plan.parse(planNode.isTextual() ? planNode.asText() : "");
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest(e.getMessage(), "plan");
      }
    }
    JsonNode test = body.get("test");
    if (test != null && !test.isNull() && !test.isBoolean()) {
      throw ApiError.badRequest("test must be true or false", "test");
    }
    keys.create(name.asText().strip(), plan, test != null && test.asBoolean())
        .onSuccess(created -> Responses.json(ctx, 201, created.record().toJson().put("key", created.key())))
        .onFailure(ctx::fail);
  }

  public void list(RoutingContext ctx) {
    keys.list()
        .onSuccess(list -> {
          JsonArray array = new JsonArray();
          list.stream().map(KeyRecord::toJson).forEach(array::add);
          Responses.json(ctx, 200, new JsonObject().put("keys", array).put("count", array.size()));
        })
        .onFailure(ctx::fail);
  }

  public void revoke(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    keys.revoke(id)
        .onSuccess(found -> {
          if (found.isEmpty()) {
            ctx.fail(ApiError.notFound("API key not found").with("id", id));
          } else {
            Responses.json(ctx, 200, found.get().toJson());
          }
        })
        .onFailure(ctx::fail);
  }
}
