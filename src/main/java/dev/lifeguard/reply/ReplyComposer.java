package dev.lifeguard.reply;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.reply.Situation.Band;
import dev.lifeguard.reply.Situation.Family;
import dev.lifeguard.reply.Situation.Stance;
import dev.lifeguard.taxonomy.Subject;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes Lifeguard's own reply from templates: matched to severity, to who is at risk, to the kind of
 * harm and to the user's age, in the user's language, naming only the resources it is given.
 *
 * <p>Order: acknowledgement, a severity-matched line, guidance for a worried bystander, a line for a
 * minor, the resources, the emergency number when safety is at stake now, and a closing line.
 */
public final class ReplyComposer {
  /** Fewer choices for a lighter touch: one resource for a check-in, two for concern, three in a crisis. */
  private static final Map<Band, Integer> RESOURCE_LIMIT = Map.of(Band.MILD, 1, Band.MODERATE, 2, Band.HIGH, 3);

  private ReplyComposer() {}

  /** The template reply, or empty when nothing is at risk. */
  public static Optional<RecommendedReply> compose(Assessment a, ReplyContext ctx) {
    return Situation.of(a).map(s -> new RecommendedReply(write(s, ctx), RecommendedReply.Source.TEMPLATE));
  }

  /**
   * Said instead of a model reply that failed screening: the withheld notice, then the general
   * crisis lines of the context (the reply's own content was about harm, so they are offered).
   */
  public static String withheld(ReplyContext ctx) {
    Templates t = Templates.of(ctx.language());
    List<String> lines = ResourceLines.lines(ResourceLines.pick(ctx.resources(), ctx.minor(), RESOURCE_LIMIT.get(Band.MODERATE)), t);
    String notice = t.get("withheld");
    return lines.isEmpty() ? notice : notice + "\n\n" + t.get("resources.intro.at_risk.mild") + "\n" + String.join("\n", lines);
  }

  /** Said when screening is unavailable and unscreened text may not be released (fail closed). */
  public static String unavailable(String language) {
    return Templates.of(language).get("unavailable");
  }

  /**
   * {@code reply} followed by a short paragraph naming the resources, and bystander guidance when only
   * someone other than the speaker is at risk. Without a risk or resources the reply is returned as is.
   */
  public static String augment(String reply, ReplyContext ctx, Assessment a) {
    Optional<Situation> situation = Situation.of(a);
    if (situation.isEmpty()) {
      return reply;
    }
    Situation s = situation.get();
    Templates t = Templates.of(ctx.language());
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(reply.strip());
    boolean onlyOthers = a.risksOf(Subject.SELF).isEmpty() && a.anyThirdPartyRisk();
    if (onlyOthers && s.stance() == Stance.BYSTANDER) {
      paragraphs.add(t.get("guidance." + s.family().key()));
    }
    resources(s, ctx, t).ifPresent(paragraphs::add);
    if (s.band() == Band.HIGH) {
      paragraphs.add(emergency(s, ctx, t));
    }
    return String.join("\n\n", paragraphs);
  }

  private static String write(Situation s, ReplyContext ctx, Templates t) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(t.get(openingKey(s)) + " " + t.get(concernKey(s), ctx.minor()));
    if (s.stance() == Stance.BYSTANDER) {
      paragraphs.add(t.get("guidance." + s.family().key()));
    }
    if (ctx.minor()) {
      paragraphs.add(t.get("minor." + s.stance().group()));
    }
    Optional<String> resources = resources(s, ctx, t);
    resources.ifPresent(paragraphs::add);
    boolean noHelpline = resources.isEmpty() && s.band() != Band.MILD;
    if (noHelpline) {
      paragraphs.add(t.get("resources.none"));
    }
    if (s.band() == Band.HIGH || noHelpline) {
      paragraphs.add(emergency(s, ctx, t));
    }
    paragraphs.add(t.get("closing." + s.stance().group()));
    return String.join("\n\n", paragraphs);
  }

  private static String write(Situation s, ReplyContext ctx) {
    return write(s, ctx, Templates.of(ctx.language()));
  }

  private static String openingKey(Situation s) {
    return switch (s.stance()) {
      case AT_RISK, BYSTANDER -> "opening." + s.stance().key() + "." + family(s).key();
      case ENCOURAGING, THREATENING -> "opening." + s.stance().key();
    };
  }

  private static String concernKey(Situation s) {
    return switch (s.stance()) {
      case AT_RISK -> "concern.at_risk." + family(s).key() + "." + s.band().key();
      case BYSTANDER, THREATENING -> "concern." + s.stance().key() + "." + s.band().key();
      case ENCOURAGING -> "concern.encouraging";
    };
  }

  /** Violence only has harm-source wording; someone at risk of violence is addressed as a victim. */
  private static Family family(Situation s) {
    return s.family() == Family.VIOLENCE ? Family.ABUSE : s.family();
  }

  /** The intro and one line per resource, or empty when no resource can be named. */
  private static Optional<String> resources(Situation s, ReplyContext ctx, Templates t) {
    List<JsonObject> picked = ResourceLines.pick(ctx.resources(), ctx.minor(), RESOURCE_LIMIT.get(s.band()));
    List<String> lines = ResourceLines.lines(picked, t);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    String intro = switch (s.stance()) {
      case AT_RISK -> t.get("resources.intro.at_risk." + s.band().key());
      case BYSTANDER -> t.get("resources.intro.bystander");
      case ENCOURAGING, THREATENING -> t.get("resources.intro.harm_source");
    };
    return Optional.of(intro + "\n" + String.join("\n", lines));
  }

  /** The emergency number from the directory when there is one; otherwise local services, no number. */
  private static String emergency(Situation s, ReplyContext ctx, Templates t) {
    String group = s.stance().group();
    Optional<String> phone = ctx.emergency().map(e -> e.getString("phone")).filter(ResourceLines::present);
    return phone.map(p -> t.fill("emergency." + group, Map.of("phone", p)))
        .orElseGet(() -> t.get("emergency_generic." + group));
  }
}
