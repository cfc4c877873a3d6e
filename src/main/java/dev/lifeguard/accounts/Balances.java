package dev.lifeguard.accounts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prepaid balances as the operator sees them: read, top up (or correct), switch billing on or off.
 * Per-call charges go through {@link Meter}; operator changes are also written to {@code balance_changes}.
 */
public final class Balances {
  /** The admin listing is for people; past this many keys, page through {@code GET /admin/v1/keys/{id}}. */
  public static final int MAX_LISTED = 10_000;

  /** A key's billing state and today's counters (counters are 0 when their window has passed). */
  public record State(String keyId, boolean billing, long balanceMills, int usedThisMinute, int usedToday) {
    public JsonObject toJson() {
      return new JsonObject()
          .put("key_id", keyId)
          .put("billing", billing)
          .put("balance_mills", balanceMills)
          .put("balance", Money.dollars(balanceMills))
          .put("used_this_minute", usedThisMinute)
          .put("used_today", usedToday);
    }
  }

  /** What a top-up did: the new state, or why nothing changed. */
  public sealed interface TopUp {
    record Done(State state) implements TopUp {}
    record NoSuchKey() implements TopUp {}
    record WouldGoNegative(long balanceMills) implements TopUp {}
  }

  private static final String STATE = "SELECT m.key_id, m.billing, m.balance_mills, "
      + "CASE WHEN m.minute_window >= floor(extract(epoch FROM now()) / 60) THEN m.minute_count ELSE 0 END AS minute_used, "
      + "CASE WHEN m.day_window >= floor(extract(epoch FROM now()) / 86400) THEN m.day_count ELSE 0 END AS day_used "
      + "FROM key_meters m ";

  private final Pool pool;

  public Balances(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<State>> state(String keyId) {
    return pool.preparedQuery(STATE + "WHERE m.key_id = $1").execute(Tuple.of(keyId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toState(rows.iterator().next())));
  }

  public Future<List<State>> list() {
    return pool.preparedQuery(STATE + "JOIN api_keys k ON k.id = m.key_id ORDER BY k.created_at, k.id LIMIT $1")
        .execute(Tuple.of(MAX_LISTED))
        .map(rows -> {
          List<State> states = new ArrayList<>();
          rows.forEach(row -> states.add(toState(row)));
          return states;
        });
  }

  /** Adds {@code deltaMills} (negative to correct) in one statement with its ledger row; never below zero. */
  public Future<TopUp> add(String keyId, long deltaMills, String note) {
    return pool.preparedQuery("WITH m AS (UPDATE key_meters SET balance_mills = balance_mills + $2 "
            + "WHERE key_id = $1 AND balance_mills + $2 >= 0 RETURNING key_id, balance_mills), "
            + "l AS (INSERT INTO balance_changes (key_id, delta_mills, balance_mills, note) "
            + "SELECT key_id, $2, balance_mills, $3 FROM m) SELECT key_id FROM m")
        .execute(Tuple.of(keyId, deltaMills, note))
        .compose(rows -> state(keyId).map(state -> {
          if (state.isEmpty()) {
            return new TopUp.NoSuchKey();
          }
          return rows.size() == 1 ? new TopUp.Done(state.get()) : new TopUp.WouldGoNegative(state.get().balanceMills());
        }));
  }

  /** Switches prepaid billing on or off; the balance is kept either way. Empty when no such key exists. */
  public Future<Optional<State>> setBilling(String keyId, boolean billing) {
    return pool.preparedQuery("UPDATE key_meters SET billing = $2 WHERE key_id = $1").execute(Tuple.of(keyId, billing))
        .compose(rows -> state(keyId));
  }

  private static State toState(Row row) {
    return new State(row.getString("key_id"), row.getBoolean("billing"), row.getLong("balance_mills"),
        row.getInteger("minute_used"), row.getInteger("day_used"));
  }
}
