package dev.lifeguard.resources;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the bundled crisis-resource data set ({@code crisis/*.json}, see NOTICE) into PostgreSQL.
 * It re-imports only when the bundled data changed, in one transaction, so readers never see a
 * half-imported directory.
 */
public final class DirectoryImporter {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryImporter.class);
  private static final long LOCK_KEY = 0x4c47446972L;
  private static final int BATCH = 100;

  /** The parsed bundle. Reading it is blocking: do it at start-up, off the event loop. */
  public record Bundle(JsonArray resources, JsonObject emergencyCountries, String sha256) {}

  private DirectoryImporter() {}

  public static Bundle readBundle() {
    byte[] resources = resource("crisis/crisis_resources.json");
    byte[] emergency = resource("crisis/emergency_numbers.json");
    JsonArray parsedResources = new JsonArray(new String(resources, StandardCharsets.UTF_8));
    JsonObject countries = new JsonObject(new String(emergency, StandardCharsets.UTF_8)).getJsonObject("countries");
    for (int i = 0; i < parsedResources.size(); i++) {
      validate(parsedResources.getJsonObject(i));
    }
    return new Bundle(parsedResources, countries, sha256(resources, emergency));
  }

  public static Future<Void> importInto(Pool pool, Bundle bundle) {
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK_KEY))
        .compose(v -> conn.query("SELECT data_sha256 FROM directory_import").execute())
        .compose(rows -> {
          if (rows.size() > 0 && bundle.sha256().equals(rows.iterator().next().getString("data_sha256"))) {
            return Future.succeededFuture();
          }
          return replace(conn, bundle);
        }));
  }

  private static Future<Void> replace(SqlConnection conn, Bundle bundle) {
    List<Tuple> resourceRows = new ArrayList<>();
    for (int i = 0; i < bundle.resources().size(); i++) {
      JsonObject r = bundle.resources().getJsonObject(i);
      resourceRows.add(Tuple.of(
          r.getString("id"), r.getString("country"), r.getString("type"), r.getString("name"),
          r.getString("priority_tier"), ServiceScopes.tierRank(r.getString("priority_tier")),
          Boolean.TRUE.equals(r.getValue("verified")), Boolean.TRUE.equals(r.getValue("is_24_7")))
          .addArrayOfString(strings(r.getJsonArray("service_scope")))
          .addArrayOfString(strings(r.getJsonArray("population_served")))
          .addArrayOfString(strings(r.getJsonArray("languages")))
          .addString(r.getString("region"))
          .addValue(r));
    }
    List<Tuple> emergencyRows = new ArrayList<>();
    bundle.emergencyCountries().forEach(e -> {
      JsonObject c = (JsonObject) e.getValue();
      emergencyRows.add(Tuple.of(e.getKey(), c.getString("name"), Boolean.TRUE.equals(c.getValue("verified")), c));
    });
    Future<?> chain = conn.query("DELETE FROM crisis_resources").execute()
        .compose(v -> conn.query("DELETE FROM emergency_numbers").execute());
    for (int from = 0; from < resourceRows.size(); from += BATCH) {
      List<Tuple> batch = resourceRows.subList(from, Math.min(from + BATCH, resourceRows.size()));
      chain = chain.compose(v -> conn.preparedQuery("INSERT INTO crisis_resources (id, country, type, name, priority_tier, "
          + "tier_rank, verified, is_24_7, service_scope, population_served, languages, region, data) "
          + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)").executeBatch(batch));
    }
    chain = chain.compose(v -> conn.preparedQuery("INSERT INTO emergency_numbers (country, name, verified, data) "
        + "VALUES ($1, $2, $3, $4)").executeBatch(emergencyRows));
    return chain
        .compose(v -> conn.preparedQuery("INSERT INTO directory_import (data_sha256, resources, countries) VALUES ($1, $2, $3) "
                + "ON CONFLICT (singleton) DO UPDATE SET data_sha256 = $1, resources = $2, countries = $3, imported_at = now()")
            .execute(Tuple.of(bundle.sha256(), resourceRows.size(), emergencyRows.size())))
        .onSuccess(v -> LOG.info("event=directory_imported resources={} countries={}", resourceRows.size(), emergencyRows.size()))
        .mapEmpty();
  }

  private static void validate(JsonObject r) {
    String id = r.getString("id");
    for (String field : List.of("id", "country", "type", "name", "priority_tier")) {
      if (r.getString(field) == null) {
        throw new IllegalStateException("crisis resource " + id + " has no " + field);
      }
    }
    ServiceScopes.tierRank(r.getString("priority_tier"));
    for (String scope : strings(r.getJsonArray("service_scope"))) {
      if (!ServiceScopes.SCOPES.contains(scope)) {
        throw new IllegalStateException("crisis resource " + id + " has unknown scope " + scope);
      }
    }
  }

  private static String[] strings(JsonArray array) {
    if (array == null) {
      return new String[0];
    }
    String[] out = new String[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.getString(i);
    }
    return out;
  }

  private static byte[] resource(String path) {
    try (InputStream in = DirectoryImporter.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
