package dev.lifeguard.resources;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Renders a directory record in the live API's resource shape. Nothing is invented: fields the
 * data set does not have are left out, and unverified entries say so.
 */
public final class ResourceView {
  private ResourceView() {}

  public static JsonObject render(JsonObject r) {
    JsonObject out = new JsonObject();
    copy(r, out, "id", "type", "name", "phone", "tel", "alt_phones", "text_instructions", "chat_url", "website_url",
        "availability", "is_24_7", "languages", "description", "resource_kind", "service_scope", "population_served",
        "priority_tier", "status_warning");
    String country = r.getString("country");
    out.put("country_codes", new JsonArray().add(country));
    if (r.getString("region") != null) {
      out.put("subdivision_codes", new JsonArray().add(r.getString("region")));
    }
    boolean verified = Boolean.TRUE.equals(r.getValue("verified"));
    JsonObject verification = r.getJsonObject("verification", new JsonObject());
    JsonArray unverifiedFields = verification.getJsonArray("unverified_fields", new JsonArray());
    out.put("verified", verified);
    out.put("verification", new JsonObject()
        .put("status", verified ? "verified" : "unverified")
        .put("levels", verification.getJsonArray("levels", new JsonArray()))
        .put("unverified_fields", unverifiedFields)
        .put("checked_on", verification.getString("checked_on")));
    boolean hoursVerified = verified && !unverifiedFields.contains("availability") && !unverifiedFields.contains("is_24_7");
    out.put("hours_confidence", hoursVerified ? "verified" : "unverified");
    out.put("open_status", openStatus(r, hoursVerified));
    out.put("prominence", prominence(r.getString("priority_tier")));
    out.put("source", sourceSummary(r.getJsonObject("source", new JsonObject())));
    return out;
  }

  /** Only 24/7 services can be called open without a timetable; others show their stated hours. */
  private static JsonObject openStatus(JsonObject r, boolean hoursVerified) {
    if (Boolean.TRUE.equals(r.getValue("is_24_7"))) {
      return new JsonObject().put("is_open", true).put("confidence", hoursVerified ? "high" : "low").put("message", "Open 24/7");
    }
    String hours = r.getString("availability");
    return new JsonObject()
        .putNull("is_open")
        .put("confidence", "none")
        .put("message", hours == null ? "Hours unknown: check the website" : "Hours: " + hours);
  }

  private static String prominence(String tier) {
    return switch (tier) {
      case "emergency_services", "primary_national_crisis" -> "high";
      case "secondary_national_crisis", "specialist" -> "medium";
      default -> "low";
    };
  }

  private static JsonObject sourceSummary(JsonObject source) {
    JsonObject out = new JsonObject().put("type", source.getString("type"));
    if (source.getString("repo") != null) {
      out.put("repo", source.getString("repo"));
    }
    if (source.getString("license") != null) {
      out.put("license", source.getString("license"));
    }
    return out;
  }

  private static void copy(JsonObject from, JsonObject to, String... fields) {
    for (String field : fields) {
      Object value = from.getValue(field);
      if (value != null) {
        to.put(field, value);
      }
    }
  }
}
