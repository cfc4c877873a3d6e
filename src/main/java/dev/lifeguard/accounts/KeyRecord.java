package dev.lifeguard.accounts;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;

/** An API key as stored: never the key itself. */
public record KeyRecord(
    String id,
    String prefix,
    String name,
    Plan plan,
    boolean test,
    OffsetDateTime createdAt,
    OffsetDateTime lastUsedAt,
    OffsetDateTime revokedAt) {

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
        .put("revoked_at", text(revokedAt));
  }

  private static String text(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
