package dev.lifeguard.api;

import dev.lifeguard.ocular.Level;
import dev.lifeguard.ocular.OcularReading;
import dev.lifeguard.ocular.Trajectory;
import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.OcularAxis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The {@code /v1/ocular} answer: the seed's shape ({@code verdict}, {@code risks}, {@code ai_concerns},
 * {@code effort}, {@code stability}, {@code trajectory}) and the live API's ({@code salience},
 * {@code signals.user}, {@code signals.ai}, {@code thoroughness}, {@code confidence},
 * {@code meta.windowed}), both from one {@link OcularReading}: every axis entry is built once and
 * appears under both names.
 */
final class OcularView {
  /** Ocular's own version; {@code meta.version} adds the classifier's name, so a retrained model shows. */
  static final String VERSION = "lifeguard-ocular-1";

  /** How the request was read. */
  record Meta(String model, long inferenceMillis, Object thoroughness, boolean fromText, boolean tryEndpoint,
      boolean messagesTruncated) {}

  private OcularView() {}

  static JsonObject render(OcularReading r, Meta m, String requestId, String timestamp) {
    JsonObject user = new JsonObject();
    for (OcularAxis axis : OcularAxis.values()) {
      user.put(axis.wireName(), axis(r.userLevels().get(axis), r.scores().user(axis)));
    }
    JsonObject ai = new JsonObject();
    for (AiConcern c : AiConcern.values()) {
      ai.put(c.wireName(), axis(r.aiLevels().get(c), r.scores().ai(c)));
    }
    JsonObject meta = new JsonObject()
        .put("version", VERSION + "/" + m.model())
        .put("inference_ms", m.inferenceMillis())
        .put("windowed", r.windowed())
        .put("windows", r.windows())
        .put("passes", r.passes())
        .put("fiction_adjusted", r.fictionFramed())
        .put("input_format", m.fromText() ? "text_blob" : "structured")
        .put("messages_truncated", m.messagesTruncated());
    if (m.tryEndpoint()) {
      meta.put("try_endpoint", true);
    }
    r.trajectory().ifPresent(t -> meta.put("trajectory_truncated", t.truncated()));
    return new JsonObject()
        .put("verdict", r.verdict().wireName())
        .put("subject", r.scores().subject().wireName())
        .put("imminence", new JsonObject().put("level", r.imminence().wireName()).put("score", round(r.scores().imminence())))
        .put("fiction", round(r.scores().framing().fiction()))
        .put("authenticity", round(r.scores().framing().authenticity()))
        .put("risks", user)
        .put("ai_concerns", ai)
        .put("salience", round(r.scores().salience()))
        .put("signals", new JsonObject().put("user", user.copy()).put("ai", ai.copy()))
        .put("effort", r.effort())
        .put("thoroughness", m.thoroughness())
        .put("confidence", r.confidence().map(OcularView::round).orElse(null))
        .put("stability", r.stability().map(OcularView::stability).orElse(null))
        .put("trajectory", r.trajectory().map(OcularView::trajectory).orElse(null))
        .put("meta", meta)
        .put("request_id", requestId)
        .put("timestamp", timestamp);
  }

  private static JsonObject axis(Level level, double score) {
    return new JsonObject().put("level", level.wireName()).put("score", round(score));
  }

  private static JsonObject stability(Map<String, Double> byAxis) {
    JsonObject out = new JsonObject();
    for (OcularAxis axis : OcularAxis.values()) {
      out.put(axis.wireName(), round(byAxis.get(axis.wireName())));
    }
    for (AiConcern c : AiConcern.values()) {
      out.put(c.wireName(), round(byAxis.get(c.wireName())));
    }
    return out;
  }

  private static JsonArray trajectory(Trajectory t) {
    JsonArray out = new JsonArray();
    for (Trajectory.Point p : t.points()) {
      out.add(new JsonObject().put("role", p.role()).put("turn", p.turn()).put("verdict", p.verdict().wireName()));
    }
    return out;
  }

  /** Four decimals, as the live API answers. */
  static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
