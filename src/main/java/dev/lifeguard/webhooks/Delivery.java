package dev.lifeguard.webhooks;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * One claimed delivery: an outbox row, the webhook's current URL and secret, and the claim token
 * that makes this instance's outcome count.
 *
 * @param attempt 1 for the first attempt
 */
record Delivery(String eventId, String webhookId, String event, JsonObject payload, int attempt, String url,
    String secret, String claimToken) {

  /** The documented body: {@code event} and {@code event_id} first, then the stored payload. */
  static JsonObject body(String eventId, String event, JsonObject payload) {
    JsonObject body = new JsonObject().put("event", event).put("event_id", eventId);
    payload.forEach(field -> body.put(field.getKey(), field.getValue()));
    return body;
  }

  Buffer body() {
    return body(eventId, event, payload).toBuffer();
  }

  @Override
  public String toString() {
    return "Delivery[eventId=" + eventId + ", webhookId=" + webhookId + ", event=" + event + ", attempt=" + attempt + "]";
  }
}
