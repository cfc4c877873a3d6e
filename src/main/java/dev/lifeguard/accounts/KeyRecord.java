package dev.lifeguard.accounts;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.OptionalInt;

/**
 * An API key as stored: never the key itself. {@code rateLimitPer*} are limits the admin gave this
 * key (enterprise keys); empty means the plan's limits from config.
 */
public record KeyRecord(
    String id,
    String prefix,
    String name,
    Plan plan,
    boolean test,
    OffsetDateTime createdAt,
    OffsetDateTime lastUsedAt,
    OffsetDateTime revokedAt,
    OptionalInt rateLimitPerMinute,
    OptionalInt rateLimitPerDay) {

  public boolean active() {
    return revokedAt == null;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("prefix", prefix)
        .put("name", name)
        .put("plan", plan.wireName())
        .put("test", test)
        .put("created_at", text(createdAt))
        .put("last_used_at", text(lastUsedAt))
        .put("revoked_at", text(revokedAt))
        .put("rate_limit_per_minute", rateLimitPerMinute.isPresent() ? rateLimitPerMinute.getAsInt() : null)
        .put("rate_limit_per_day", rateLimitPerDay.isPresent() ? rateLimitPerDay.getAsInt() : null);
  }

  private static String text(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
