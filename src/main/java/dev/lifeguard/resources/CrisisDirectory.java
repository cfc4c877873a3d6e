package dev.lifeguard.resources;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Look-ups in the crisis-resource directory. Order: requested populations first, then priority
 * tier, verified before unverified, 24/7 first. Unreviewed fallbacks appear only when a country
 * has nothing else.
 */
public final class CrisisDirectory {
  public static final int MAX_LIMIT = 50;
  public static final int DEFAULT_LIMIT = 10;

  /**
   * What the caller asked for; empty lists mean "any". Services for the requested populations come
   * first, then those serving an earlier-listed scope, then services in one of the requested
   * languages, then by tier, verification and hours.
   */
  public record Query(String country, List<String> scopes, List<String> populations, List<String> languages, int limit) {
    public Query(String country, List<String> scopes, List<String> populations, int limit) {
      this(country, scopes, populations, List.of(), limit);
    }
  }

  /**
   * The matched resources (rendered), the country's emergency-number entry if the directory has one,
   * and, when scopes were asked for, general crisis lines as {@code secondary}.
   */
  public record Result(List<JsonObject> resources, Optional<JsonObject> emergency, boolean scopeFallback, List<JsonObject> secondary) {}

  private static final List<String> GENERAL_SCOPES = List.of("crisis", "suicide", "mental_health");
  private static final int SECONDARY_LIMIT = 3;

  private final Pool pool;

  public CrisisDirectory(Pool pool) {
    this.pool = pool;
  }

  public Future<Result> find(Query q) {
    Future<List<Row>> matched = helplines(q, q.scopes());
    return matched
        .compose(rows -> rows.isEmpty() && !q.scopes().isEmpty()
            // No service for that scope: the country's general crisis lines are the documented fallback.
            ? helplines(q, GENERAL_SCOPES).map(r -> new Fallback(r, true))
            : Future.succeededFuture(new Fallback(rows, false)))
        .compose(found -> {
          List<JsonObject> resources = reviewedFirst(found.rows(), q.limit());
          Future<List<JsonObject>> secondary = q.scopes().isEmpty() || found.fallback()
              ? Future.succeededFuture(List.of())
              : helplines(q, GENERAL_SCOPES).map(rows -> reviewedFirst(rows, Integer.MAX_VALUE).stream()
                  .filter(r -> resources.stream().noneMatch(p -> p.getString("id").equals(r.getString("id"))))
                  .limit(SECONDARY_LIMIT).toList());
          return Future.all(emergency(q.country()), secondary)
              .map(all -> new Result(resources, all.resultAt(0), found.fallback(), all.resultAt(1)));
        });
  }

  /** Renders rows in order, hiding unreviewed fallbacks whenever anything reviewed exists. */
  private static List<JsonObject> reviewedFirst(List<Row> rows, int limit) {
    boolean anyReviewed = rows.stream().anyMatch(r -> !ServiceScopes.UNREVIEWED.equals(r.getString("priority_tier")));
    List<JsonObject> out = new ArrayList<>();
    for (Row row : rows) {
      if (out.size() == limit) {
        break;
      }
      if (!(anyReviewed && ServiceScopes.UNREVIEWED.equals(row.getString("priority_tier")))) {
        out.add(ResourceView.render(row.getJsonObject("data")));
      }
    }
    return out;
  }

  private record Fallback(List<Row> rows, boolean fallback) {}

  private Future<List<Row>> helplines(Query q, List<String> scopes) {
    return pool.preparedQuery("SELECT data, priority_tier FROM crisis_resources "
            + "WHERE country = $1 AND type <> 'emergency_number' "
            + "AND (cardinality($2::text[]) = 0 OR service_scope && $2::text[]) "
            + "ORDER BY (cardinality($3::text[]) > 0 AND population_served && $3::text[]) DESC, "
            + "(SELECT min(array_position($2::text[], s)) FROM unnest(service_scope) s), "
            + "(cardinality($4::text[]) > 0 AND languages && $4::text[]) DESC, "
            + "tier_rank, verified DESC, is_24_7 DESC, name")
        .execute(Tuple.of(q.country()).addArrayOfString(scopes.toArray(String[]::new))
            .addArrayOfString(q.populations().toArray(String[]::new)).addArrayOfString(q.languages().toArray(String[]::new)))
        .map(rows -> {
          List<Row> list = new ArrayList<>();
          rows.forEach(list::add);
          return list;
        });
  }

  /** The country's emergency-number entry, rendered. */
  public Future<Optional<JsonObject>> emergency(String country) {
    return pool.preparedQuery("SELECT data FROM crisis_resources WHERE country = $1 AND type = 'emergency_number' LIMIT 1")
        .execute(Tuple.of(country))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(ResourceView.render(rows.iterator().next().getJsonObject("data"))));
  }

  public Future<Optional<JsonObject>> byId(String id) {
    return pool.preparedQuery("SELECT data FROM crisis_resources WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(ResourceView.render(rows.iterator().next().getJsonObject("data"))));
  }

  public Future<List<String>> countries() {
    return pool.query("SELECT DISTINCT country FROM crisis_resources ORDER BY country").execute()
        .map(rows -> {
          List<String> list = new ArrayList<>();
          rows.forEach(row -> list.add(row.getString("country")));
          return list;
        });
  }
}
