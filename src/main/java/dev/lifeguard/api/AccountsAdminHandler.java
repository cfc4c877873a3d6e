package dev.lifeguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeguard.accounts.Balances;
import dev.lifeguard.accounts.KeyRecord;
import dev.lifeguard.accounts.KeyStore;
import dev.lifeguard.accounts.Plan;
import dev.lifeguard.accounts.UsageReport;
import dev.lifeguard.config.PlanLimits;
import dev.lifeguard.config.PlansConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The admin side of plans, balances and usage: {@code GET/PATCH /admin/v1/keys/{id}},
 * {@code POST /admin/v1/keys/{id}/balance}, {@code GET /admin/v1/balances}, {@code GET /admin/v1/usage}.
 */
public final class AccountsAdminHandler {
  /** A top-up or correction larger than a billion dollars is a typo. */
  static final long MAX_ADJUST_MILLS = 1_000_000_000_000L;
  static final Duration DEFAULT_USAGE_RANGE = Duration.ofDays(30);
  private static final int MAX_NOTE_LENGTH = 200;
  private static final Set<String> UPDATE_FIELDS = Set.of("plan", "rate_limit_per_minute", "rate_limit_per_day", "billing");
  private static final Set<String> BALANCE_FIELDS = Set.of("add_mills", "note");

  private final KeyStore keys;
  private final Balances balances;
  private final UsageReport usage;
  private final PlansConfig plans;
  private final JsonBodies json;

  public AccountsAdminHandler(Services services) {
    this.keys = services.keys();
    this.balances = new Balances(services.pool());
    this.usage = new UsageReport(services.pool());
    this.plans = services.config().plans();
    this.json = services.json();
  }

  /** A key with its effective limits, billing state, balance and today's counts. */
  public void key(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    keys.find(id).compose(found -> found.isEmpty() ? Future.failedFuture(keyNotFound(id)) : describe(found.get()))
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  /** Changes a key's plan, its own limits ({@code null} clears them) and whether it is billed. */
  public void update(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    ObjectNode body = json.parseObject(ctx.body().buffer());
    onlyFields(body, UPDATE_FIELDS);
    if (body.isEmpty()) {
      throw ApiError.badRequest("Nothing to change: send one or more of " + String.join(", ", UPDATE_FIELDS.stream().sorted().toList()), null);
    }
    KeyStore.Changes changes = new KeyStore.Changes(plan(body.get("plan")), limit(body, "rate_limit_per_minute"),
        limit(body, "rate_limit_per_day"));
    Optional<Boolean> billing = bool(body, "billing");
    keys.update(id, changes)
        .compose(found -> found.isEmpty() ? Future.failedFuture(keyNotFound(id))
            : billing.isEmpty() ? Future.succeededFuture(found.get())
            : balances.setBilling(id, billing.get()).map(found.get()))
        .compose(this::describe)
        .onSuccess(described -> Responses.json(ctx, 200, described))
        .onFailure(ctx::fail);
  }

  /** {@code {"add_mills": 5000, "note": "invoice 42"}}: tops up (or, negative, corrects) a balance, never below zero. */
  public void addBalance(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    ObjectNode body = json.parseObject(ctx.body().buffer());
    onlyFields(body, BALANCE_FIELDS);
    JsonNode add = body.get("add_mills");
    if (add == null || !add.isIntegralNumber() || !add.canConvertToLong() || add.asLong() == 0
        || add.asLong() > MAX_ADJUST_MILLS || add.asLong() < -MAX_ADJUST_MILLS) {
      throw ApiError.badRequest("add_mills is required: a non-zero integer number of mills (1/1000 USD) up to "
          + MAX_ADJUST_MILLS + " either way", "add_mills");
    }
    JsonNode note = body.get("note");
    if (note != null && !note.isNull() && (!note.isTextual() || note.asText().length() > MAX_NOTE_LENGTH)) {
      throw ApiError.badRequest("note must be a string of at most " + MAX_NOTE_LENGTH + " characters", "note");
    }
    balances.add(id, add.asLong(), note == null || note.isNull() ? null : note.asText())
        .onSuccess(result -> {
          if (result instanceof Balances.TopUp.Done done) {
            Responses.json(ctx, 200, done.state().toJson());
          } else if (result instanceof Balances.TopUp.WouldGoNegative negative) {
            ctx.fail(ApiError.of(409, "The balance is " + negative.balanceMills() + " mills; it cannot go below zero",
                "balance_would_go_negative").with("balance_mills", negative.balanceMills()));
          } else {
            ctx.fail(keyNotFound(id));
          }
        })
        .onFailure(ctx::fail);
  }

  public void balances(RoutingContext ctx) {
    balances.list()
        .onSuccess(list -> {
          JsonArray array = new JsonArray();
          list.forEach(state -> array.add(state.toJson()));
          Responses.json(ctx, 200, new JsonObject().put("balances", array).put("count", array.size()));
        })
        .onFailure(ctx::fail);
  }

  /** {@code ?from=&to=&key=}: instants ({@code 2026-01-31T12:00:00Z}) or UTC dates; default the last 30 days. */
  public void usage(RoutingContext ctx) {
    Instant to = instant(ctx.request().getParam("to"), "to").orElse(Instant.now());
    Instant from = instant(ctx.request().getParam("from"), "from").orElse(to.minus(DEFAULT_USAGE_RANGE));
    if (!from.isBefore(to)) {
      throw ApiError.badRequest("from must be before to", "from");
    }
    if (Duration.between(from, to).compareTo(UsageReport.MAX_RANGE) > 0) {
      throw ApiError.badRequest("The range may span at most " + UsageReport.MAX_RANGE.toDays() + " days", "from");
    }
    Optional<String> key = Optional.ofNullable(ctx.request().getParam("key")).filter(k -> !k.isBlank());
    usage.summarize(from, to, key)
        .onSuccess(report -> Responses.json(ctx, 200, report))
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> describe(KeyRecord key) {
    PlanLimits limits = Metering.limits(plans, key);
    return balances.state(key.id()).map(state -> {
      JsonObject body = key.toJson().put("limits", new JsonObject()
          .put("requests_per_minute", limits.perMinute()).put("requests_per_day", limits.perDay()));
      state.ifPresent(s -> body.put("billing", s.billing()).put("balance_mills", s.balanceMills())
          .put("balance", s.toJson().getString("balance"))
          .put("used_this_minute", s.usedThisMinute()).put("used_today", s.usedToday()));
      return body;
    });
  }

  private static ApiError keyNotFound(String id) {
    return ApiError.notFound("API key not found").with("id", id);
  }

  private static void onlyFields(ObjectNode body, Set<String> allowed) {
    body.fieldNames().forEachRemaining(f -> {
      if (!allowed.contains(f)) {
        throw ApiError.badRequest("Unknown field \"" + f + "\": expected " + String.join(", ", allowed.stream().sorted().toList()), f);
      }
    });
  }

  private static Optional<Plan> plan(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Plan.parse(node.isTextual() ? node.asText() : ""));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage(), "plan");
    }
  }

  /** Absent: unchanged; {@code null}: back to the plan's limit; else a positive integer. */
  private static Optional<OptionalInt> limit(ObjectNode body, String field) {
    if (!body.has(field)) {
      return Optional.empty();
    }
    JsonNode node = body.get(field);
    if (node.isNull()) {
      return Optional.of(OptionalInt.empty());
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1 || node.asLong() > PlanLimits.MAX) {
      throw ApiError.badRequest(field + " must be an integer from 1 to " + PlanLimits.MAX + ", or null for the plan's limit", field);
    }
    return Optional.of(OptionalInt.of(node.asInt()));
  }

  private static Optional<Boolean> bool(ObjectNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isBoolean()) {
      throw ApiError.badRequest(field + " must be true or false", field);
    }
    return Optional.of(node.asBoolean());
  }

  static Optional<Instant> instant(String text, String param) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text));
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(param + " must be an instant (2026-01-31T12:00:00Z) or a date (2026-01-31)", param);
    }
  }
}
