package dev.lifeguard.accounts;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** API keys in PostgreSQL. */
public final class KeyStore {
  private static final String COLUMNS = "id, key_prefix, name, plan, test, created_at, last_used_at, revoked_at, "
      + "rate_limit_per_minute, rate_limit_per_day";

  private final Pool pool;

  public KeyStore(Pool pool) {
    this.pool = pool;
  }

  /** A new key and its stored record; the key is returned here and never again. */
  public record Created(String key, KeyRecord record) {}

  public Future<Created> create(String name, Plan plan, boolean test) {
    String key = ApiKeys.generate(test);
    // The key's meter row (counters, balance) is born with it, so admission is always a plain UPDATE.
    return pool.preparedQuery("WITH k AS (INSERT INTO api_keys (id, key_hash, key_prefix, name, plan, test) "
            + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS + "), "
            + "m AS (INSERT INTO key_meters (key_id) SELECT id FROM k) SELECT * FROM k")
        .execute(Tuple.of(ApiKeys.newId(), Buffer.buffer(ApiKeys.hash(key)), ApiKeys.displayPrefix(key), name, plan.wireName(), test))
        .map(rows -> new Created(key, toRecord(rows.iterator().next())));
  }

  public Future<Optional<KeyRecord>> findByHash(byte[] hash) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = $1")
        .execute(Tuple.of(Buffer.buffer(hash)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toRecord(rows.iterator().next())));
  }

  public Future<List<KeyRecord>> list() {
    return pool.query("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at, id").execute()
        .map(rows -> {
          List<KeyRecord> keys = new ArrayList<>();
          rows.forEach(row -> keys.add(toRecord(row)));
          return keys;
        });
  }

  /** Revokes a key; empty when no such key exists. Revoking twice keeps the first time. */
  public Future<Optional<KeyRecord>> revoke(String id) {
    return pool.preparedQuery("UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toRecord(rows.iterator().next())));
  }

  /**
   * What the admin may change on a key. Absent: leave as is; a present but empty limit clears it
   * (back to the plan's).
   */
  public record Changes(Optional<Plan> plan, Optional<OptionalInt> perMinute, Optional<OptionalInt> perDay) {}

  /** Applies {@code changes}; empty when no such key exists. */
  public Future<Optional<KeyRecord>> update(String id, Changes changes) {
    return pool.preparedQuery("UPDATE api_keys SET plan = coalesce($2, plan), "
            + "rate_limit_per_minute = CASE WHEN $3 THEN $4 ELSE rate_limit_per_minute END, "
            + "rate_limit_per_day = CASE WHEN $5 THEN $6 ELSE rate_limit_per_day END "
            + "WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(id, changes.plan().map(Plan::wireName).orElse(null),
            changes.perMinute().isPresent(), value(changes.perMinute()),
            changes.perDay().isPresent(), value(changes.perDay())))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toRecord(rows.iterator().next())));
  }

  public Future<Optional<KeyRecord>> find(String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toRecord(rows.iterator().next())));
  }

  private static Integer value(Optional<OptionalInt> limit) {
    return limit.flatMap(l -> l.isPresent() ? Optional.of(l.getAsInt()) : Optional.empty()).orElse(null);
  }

  /** Records use; at most once a minute per key so hot keys don't write on every request. */
  public Future<Void> touch(String id) {
    return pool.preparedQuery("UPDATE api_keys SET last_used_at = now() "
            + "WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
        .execute(Tuple.of(id))
        .mapEmpty();
  }

  private static KeyRecord toRecord(Row row) {
    return new KeyRecord(
        row.getString("id"),
        row.getString("key_prefix"),
        row.getString("name"),
        Plan.parse(row.getString("plan")),
        row.getBoolean("test"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("last_used_at"),
        row.getOffsetDateTime("revoked_at"),
        optional(row.getInteger("rate_limit_per_minute")),
        optional(row.getInteger("rate_limit_per_day")));
  }

  private static OptionalInt optional(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }
}
