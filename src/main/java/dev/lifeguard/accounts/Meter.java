package dev.lifeguard.accounts;

import dev.lifeguard.config.PlanLimits;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * Rate limits and prepaid balances in PostgreSQL, shared by every instance on the database. One
 * {@code UPDATE} per call counts it in the key's minute and day windows and charges it, only if both
 * limits and the balance allow; the row lock makes concurrent calls (on any instance) queue, so the
 * counts and the balance are exact. A refused call changes nothing.
 */
public final class Meter {
  private static final long MINUTE_MILLIS = 60_000;
  private static final long DAY_MILLIS = 86_400_000;

  /** The current windows by the database clock: every instance numbers them alike, whatever its own clock says. */
  private static final String WINDOWS = "(SELECT floor(extract(epoch FROM now()) / 60)::bigint AS minute, "
      + "floor(extract(epoch FROM now()) / 86400)::bigint AS day) w";
  /** Calls already counted in the current windows; a late statement counts into the newer window. */
  private static final String MINUTE_USED = "CASE WHEN m.minute_window >= w.minute THEN m.minute_count ELSE 0 END";
  private static final String DAY_USED = "CASE WHEN m.day_window >= w.day THEN m.day_count ELSE 0 END";

  private static final String ADMIT = "UPDATE key_meters m SET "
      + "minute_count = " + MINUTE_USED + " + 1, minute_window = greatest(m.minute_window, w.minute), "
      + "day_count = " + DAY_USED + " + 1, day_window = greatest(m.day_window, w.day), "
      + "balance_mills = CASE WHEN m.billing THEN m.balance_mills - $4 ELSE m.balance_mills END "
      + "FROM " + WINDOWS + " "
      + "WHERE m.key_id = $1 AND " + MINUTE_USED + " < $2 AND " + DAY_USED + " < $3 "
      + "AND (NOT m.billing OR m.balance_mills >= $4) "
      + "RETURNING m.minute_count, m.minute_window, m.day_count, m.day_window, m.billing, m.balance_mills";
  /** Why a call was refused, and what the headers report (the refused call itself is not counted). */
  private static final String PEEK = "SELECT " + MINUTE_USED + " AS minute_count, greatest(m.minute_window, w.minute) AS minute_window, "
      + DAY_USED + " AS day_count, greatest(m.day_window, w.day) AS day_window, m.billing, m.balance_mills "
      + "FROM key_meters m, " + WINDOWS + " WHERE m.key_id = $1";

  public enum Outcome { ADMITTED, RATE_LIMITED, INSUFFICIENT_BALANCE }

  /** The window the rate-limit headers report: the tighter one, or the one that refused the call. */
  public record Window(int limit, int remaining, long resetEpochMillis) {
    public long retryAfterSeconds(long nowMillis) {
      return Math.max(1, (resetEpochMillis - nowMillis + 999) / 1000);
    }
  }

  /**
   * A decision. {@code chargedMills} is what was taken from the balance (0 unless billing and
   * admitted); {@code balanceMills} is the balance after it (meaningful only when {@code billing}).
   */
  public record Admission(Outcome outcome, Window window, long chargedMills, boolean billing, long balanceMills) {
    public boolean admitted() {
      return outcome == Outcome.ADMITTED;
    }
  }

  private final Pool pool;

  public Meter(Pool pool) {
    this.pool = pool;
  }

  /** Counts and charges one call of {@code priceMills} (pass 0 to never charge, e.g. test keys). */
  public Future<Admission> admit(String keyId, PlanLimits limits, long priceMills) {
    return admit(keyId, limits, priceMills, 0);
  }

  private Future<Admission> admit(String keyId, PlanLimits limits, long priceMills, int attempt) {
    return pool.preparedQuery(ADMIT).execute(Tuple.of(keyId, limits.perMinute(), limits.perDay(), priceMills))
        .compose(rows -> {
          if (rows.size() == 1) {
            Row row = rows.iterator().next();
            boolean billing = row.getBoolean("billing");
            return Future.succeededFuture(new Admission(Outcome.ADMITTED, tighter(row, limits), billing ? priceMills : 0,
                billing, row.getLong("balance_mills")));
          }
          return refused(keyId, limits, priceMills, attempt);
        });
  }

  private Future<Admission> refused(String keyId, PlanLimits limits, long priceMills, int attempt) {
    return pool.preparedQuery(PEEK).execute(Tuple.of(keyId)).compose(rows -> {
      if (rows.size() == 0) {
        // A key created before its meter existed: give it one and try again.
        return attempt > 0 ? Future.failedFuture(new IllegalStateException("no meter for key " + keyId))
            : pool.preparedQuery("INSERT INTO key_meters (key_id) VALUES ($1) ON CONFLICT DO NOTHING").execute(Tuple.of(keyId))
                .compose(v -> admit(keyId, limits, priceMills, attempt + 1));
      }
      Row row = rows.iterator().next();
      boolean minuteFull = row.getInteger("minute_count") >= limits.perMinute();
      boolean dayFull = row.getInteger("day_count") >= limits.perDay();
      if (minuteFull || dayFull) {
        // Retry-After must reach past every full window: a full day outlasts a full minute.
        Window window = dayFull ? day(row, limits) : minute(row, limits);
        return Future.succeededFuture(new Admission(Outcome.RATE_LIMITED, window, 0, row.getBoolean("billing"),
            row.getLong("balance_mills")));
      }
      if (row.getBoolean("billing") && row.getLong("balance_mills") < priceMills) {
        return Future.succeededFuture(new Admission(Outcome.INSUFFICIENT_BALANCE, tighter(row, limits), 0, true,
            row.getLong("balance_mills")));
      }
      // Refused a moment ago, allowed now (a window rolled over, a top-up landed): ask once more.
      return attempt > 0 ? Future.failedFuture(new IllegalStateException("meter for key " + keyId + " keeps changing"))
          : admit(keyId, limits, priceMills, attempt + 1);
    });
  }

  /** Gives back a charge (a call that failed); the call still counts against the rate limits. */
  public Future<Void> refund(String keyId, long mills) {
    return pool.preparedQuery("UPDATE key_meters SET balance_mills = balance_mills + $2 WHERE key_id = $1")
        .execute(Tuple.of(keyId, mills)).mapEmpty();
  }

  private static Window tighter(Row row, PlanLimits limits) {
    Window minute = minute(row, limits);
    Window day = day(row, limits);
    return day.remaining() < minute.remaining() ? day : minute;
  }

  private static Window minute(Row row, PlanLimits limits) {
    return new Window(limits.perMinute(), Math.max(0, limits.perMinute() - row.getInteger("minute_count")),
        (row.getLong("minute_window") + 1) * MINUTE_MILLIS);
  }

  private static Window day(Row row, PlanLimits limits) {
    return new Window(limits.perDay(), Math.max(0, limits.perDay() - row.getInteger("day_count")),
        (row.getLong("day_window") + 1) * DAY_MILLIS);
  }
}
