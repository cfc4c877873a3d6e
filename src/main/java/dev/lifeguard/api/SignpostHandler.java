package dev.lifeguard.api;

import dev.lifeguard.resources.Countries;
import dev.lifeguard.resources.CrisisDirectory;
import dev.lifeguard.resources.ServiceScopes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code /v1/signpost…} and the older {@code /v1/resources…} twins: the crisis-resource directory. */
public final class SignpostHandler {
  private static final Pattern POPULATION = Pattern.compile("[a-z0-9_]{1,40}");
  private static final int MAX_LIST_ITEMS = 20;

  private final CrisisDirectory directory;

  public SignpostHandler(CrisisDirectory directory) {
    this.directory = directory;
  }

  public void search(RoutingContext ctx) {
    CrisisDirectory.Query query = query(ctx);
    boolean urgent = flag(ctx, "urgent");
    directory.find(query).recover(Stores::unavailable)
        .onSuccess(result -> {
          JsonArray resources = new JsonArray();
          if (urgent) {
            result.emergency().ifPresent(e -> resources.add(e.copy().put("why", "Emergency services: for immediate danger")));
          }
          result.resources().forEach(resources::add);
          JsonObject body = new JsonObject()
              .put("country", query.country())
              .put("resources", resources)
              .put("count", resources.size())
              .put("emergency", result.emergency().orElse(null));
          if (!query.scopes().isEmpty()) {
            // The SDK's ResourcesResponse: scoped matches as primary, general crisis lines as secondary.
            body.put("scopes_requested", new JsonArray(query.scopes()))
                .put("primary", new JsonArray(result.scopeFallback() ? List.of() : result.resources()))
                .put("secondary", new JsonArray(result.scopeFallback() ? result.resources() : result.secondary()));
          }
          if (result.scopeFallback()) {
            body.put("scope_fallback", true)
                .put("notice", "No service in the directory covers the requested scopes here; showing general crisis lines.");
          }
          Responses.json(ctx, 200, body);
        })
        .onFailure(ctx::fail);
  }

  public void byId(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    directory.byId(id).recover(Stores::unavailable)
        .onSuccess(found -> {
          if (found.isEmpty()) {
            ctx.fail(ApiError.notFound("Resource not found").with("id", id));
          } else {
            Responses.json(ctx, 200, new JsonObject().put("resource", found.get()));
          }
        })
        .onFailure(ctx::fail);
  }

  public void countries(RoutingContext ctx) {
    directory.countries().recover(Stores::unavailable)
        .onSuccess(list -> Responses.json(ctx, 200, new JsonObject().put("countries", new JsonArray(list)).put("count", list.size())))
        .onFailure(ctx::fail);
  }

  static CrisisDirectory.Query query(RoutingContext ctx) {
    String country = single(ctx, "country");
    if (country == null || country.isBlank()) {
      throw ApiError.badRequest("country is required: an ISO 3166-1 alpha-2 code such as US or GB", "country");
    }
    if (!Countries.isKnown(country.trim())) {
      throw ApiError.badRequest("Unknown country code \"" + clip(country) + "\": use an ISO 3166-1 alpha-2 code such as US or GB", "country");
    }
    List<String> scopes = list(ctx, "scopes");
    List<String> invalid = scopes.stream().filter(s -> !ServiceScopes.SCOPES.contains(s)).toList();
    if (!invalid.isEmpty()) {
      throw ApiError.badRequest("Invalid scope(s): " + String.join(", ", invalid), "scopes")
          .with("hint", "Valid scopes: " + String.join(", ", ServiceScopes.SCOPES.stream().sorted().toList()))
          .with("invalid_scopes", new JsonArray(invalid));
    }
    List<String> populations = list(ctx, "populations");
    for (String p : populations) {
      if (!POPULATION.matcher(p).matches()) {
        throw ApiError.badRequest("Invalid population \"" + clip(p) + "\": use lowercase names such as youth or veterans", "populations");
      }
    }
    return new CrisisDirectory.Query(country.trim().toUpperCase(Locale.ROOT), scopes, populations, limit(ctx));
  }

  private static int limit(RoutingContext ctx) {
    String text = single(ctx, "limit");
    if (text == null) {
      return CrisisDirectory.DEFAULT_LIMIT;
    }
    if (!text.matches("\\d{1,3}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > CrisisDirectory.MAX_LIMIT) {
      throw ApiError.badRequest("limit must be an integer from 1 to " + CrisisDirectory.MAX_LIMIT, "limit");
    }
    return Integer.parseInt(text);
  }

  private static boolean flag(RoutingContext ctx, String name) {
    String text = single(ctx, name);
    if (text == null || text.equals("false") || text.equals("0")) {
      return false;
    }
    if (text.equals("true") || text.equals("1") || text.isEmpty()) {
      return true;
    }
    throw ApiError.badRequest(name + " must be true or false", name);
  }

  private static List<String> list(RoutingContext ctx, String name) {
    String text = single(ctx, name);
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().forEach(items::add);
    if (items.size() > MAX_LIST_ITEMS) {
      throw ApiError.badRequest(name + " lists too many values (at most " + MAX_LIST_ITEMS + ")", name);
    }
    return items;
  }

  private static String single(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    return values.isEmpty() ? null : values.get(0);
  }

  private static String clip(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "…";
  }
}
