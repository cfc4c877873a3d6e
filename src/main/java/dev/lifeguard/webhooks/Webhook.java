package dev.lifeguard.webhooks;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/** A webhook as the management API shows it: never its secret. */
public record Webhook(String id, String url, String minRiskLevel, boolean includeConversation, boolean enabled,
    OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  static final String COLUMNS = "id, url, min_risk_level, include_conversation, active, created_at, updated_at";

  static Webhook of(Row row) {
    return new Webhook(row.getString("id"), row.getString("url"), row.getString("min_risk_level"),
        row.getBoolean("include_conversation"), row.getBoolean("active"),
        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("url", url)
        .put("min_risk_level", minRiskLevel)
        .put("include_conversation", includeConversation)
        .put("enabled", enabled)
        .put("created_at", createdAt.toInstant().toString())
        .put("updated_at", updatedAt.toInstant().toString());
  }
}
