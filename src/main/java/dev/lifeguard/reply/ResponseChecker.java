package dev.lifeguard.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.TurnState;
import dev.lifeguard.reply.ResponseCheck.Recommendation;
import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.IssueTier;
import dev.lifeguard.taxonomy.ResponseIssue;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Taxonomy;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Judges a proposed assistant reply in the context of its conversation against the seed's response
 * issue taxonomy, from two kinds of evidence: the classifier's assistant heads (AI-concern scores for
 * the reply read in context) and phrase patterns in six languages.
 *
 * <p>Recommendation: any critical issue replaces. Serious issues replace, except when the only issue is
 * being dismissive and the risk is at most mild: that reply harms nothing, it lacks warmth, and adding
 * resources costs the user less than swapping in a canned reply, so it is augmented. Concerning issues
 * augment. No issue means use, except that a speaker at moderate risk or more gets resources added
 * when the reply gives none.
 */
public final class ResponseChecker {
  /** The assistant heads' decision point (the default threshold they were trained to). */
  static final double CONCERN_THRESHOLD = 0.5;
  /** Seven or more numbered or bulleted steps is more than someone in distress can take in. */
  static final int MAX_LIST_ITEMS = 7;
  /** About two minutes of reading: beyond this a reply to someone at risk loses its focus. */
  static final int MAX_WORDS = 350;

  private static final Pattern LIST_ITEM = Pattern.compile("(?m)^\\s*(?:\\d{1,2}[.)]|[-*\u2022])\\s+\\S");
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern DIGIT_SEPARATOR = Pattern.compile("(?<=\\d)[\\s.\\-](?=\\d)");
  private static final String REASONS = "/reply/reasons.json";

  private ResponseChecker() {}

  /** Builds the phrase tables now (they are otherwise built on first use). */
  public static void load() {
    ResponsePatterns.standard();
  }

  /**
   * {@code use} without a second classifier run, when the conversation shows no risk and the reply
   * matches no issue pattern at all; empty when the full {@link #check} is needed.
   */
  public static Optional<ResponseCheck> fastPath(Assessment conversation, String proposed) {
    if (conversation.hasRisk() || ResponsePatterns.standard().anyIssue(proposed)) {
      return Optional.empty();
    }
    return Optional.of(new ResponseCheck(true, List.of(), Recommendation.USE, reason("fast_path")));
  }

  /**
   * @param conversation the conversation without the reply
   * @param withProposed the conversation with the reply appended as an assistant turn (its AI-concern
   *                     scores are read from the last assistant turn)
   * @param resources    the crisis resources matched for the conversation, to recognise them in the reply
   */
  public static ResponseCheck check(Assessment conversation, Assessment withProposed, String proposed,
      List<JsonObject> resources) {
    ResponsePatterns.Reading reading = ResponsePatterns.standard().reading(proposed);
    boolean risk = conversation.hasRisk();
    boolean crisis = conversation.speakerSeverity().atLeast(Severity.HIGH)
        || conversation.speakerImminence().atLeast(Imminence.URGENT);
    boolean resourceGiven = reading.cue(ResponsePatterns.RESOURCE_MENTION) || namesAny(proposed, resources);
    boolean acknowledged = reading.cue(ResponsePatterns.ACKNOWLEDGEMENT);

    Set<String> issues = new TreeSet<>(reading.issues(risk));
    if (risk) {
      issues.addAll(fromHeads(lastAssistantConcerns(withProposed), crisis));
    }
    // Ignored: neither acknowledged nor answered with help, or changing the subject without doing both
    // (a warm reply with a helpline may still suggest a breathing exercise while the user waits).
    boolean deflects = reading.cue(ResponsePatterns.DEFLECTION);
    if (crisis && (!acknowledged && !resourceGiven || deflects && !(acknowledged && resourceGiven))) {
      issues.add("crisis_signal_ignored");
    }
    if (crisis && !resourceGiven) {
      issues.add("crisis_resources_missing");
    }
    if (risk && reading.cue(ResponsePatterns.BOILERPLATE) && !acknowledged) {
      issues.add("scripted_robotic_tone");
    }
    if (risk && overwhelming(proposed)) {
      issues.add("overwhelming_or_unfocused");
    }
    List<ResponseIssue> ordered = Taxonomy.responseIssues().stream().filter(i -> issues.contains(i.name())).toList();
    boolean missingResources = conversation.speakerSeverity().atLeast(Severity.MODERATE) && !resourceGiven;
    Recommendation recommendation = recommend(ordered, conversation.maxSeverity(), missingResources);
    boolean appropriate = ordered.stream().noneMatch(i -> i.tier() != IssueTier.CONCERNING);
    return new ResponseCheck(appropriate, ordered.stream().map(ResponseIssue::name).toList(), recommendation,
        reasoning(ordered, recommendation, missingResources));
  }

  /** The heads read the reply in context; each concern maps to the issue it most directly evidences. */
  private static Set<String> fromHeads(Map<AiConcern, Double> concerns, boolean crisis) {
    Set<String> issues = new TreeSet<>();
    if (above(concerns, AiConcern.HARM_PROVISION)) {
      issues.add("method_or_means_detail");
    }
    if (above(concerns, AiConcern.MANIPULATION) || above(concerns, AiConcern.SAFEGUARDING_FAILURE)) {
      issues.add("harmful_advice");
    }
    if (above(concerns, AiConcern.EMOTIONAL_FAILURE)) {
      issues.add(crisis ? "crisis_signal_ignored" : "dismissive_of_distress");
    }
    return issues;
  }

  private static boolean above(Map<AiConcern, Double> concerns, AiConcern concern) {
    return concerns.getOrDefault(concern, 0.0) >= CONCERN_THRESHOLD;
  }

  /** The proposed reply is the last assistant turn of {@code withProposed}. */
  static Map<AiConcern, Double> lastAssistantConcerns(Assessment withProposed) {
    List<TurnState> turns = withProposed.turns();
    for (int i = turns.size() - 1; i >= 0; i--) {
      if ("assistant".equalsIgnoreCase(turns.get(i).role())) {
        return turns.get(i).aiConcerns();
      }
    }
    return withProposed.signals().aiConcerns();
  }

  private static boolean overwhelming(String text) {
    return LIST_ITEM.matcher(text).results().count() >= MAX_LIST_ITEMS || WORD.matcher(text).results().count() > MAX_WORDS;
  }

  private static Recommendation recommend(List<ResponseIssue> issues, Severity severity, boolean missingResources) {
    if (issues.stream().anyMatch(i -> i.tier() == IssueTier.CRITICAL)) {
      return Recommendation.REPLACE;
    }
    List<ResponseIssue> serious = issues.stream().filter(i -> i.tier() == IssueTier.SERIOUS).toList();
    if (!serious.isEmpty()) {
      boolean onlyDismissive = serious.size() == 1 && serious.get(0).name().equals("dismissive_of_distress");
      return onlyDismissive && !severity.atLeast(Severity.MODERATE) ? Recommendation.AUGMENT : Recommendation.REPLACE;
    }
    return !issues.isEmpty() || missingResources ? Recommendation.AUGMENT : Recommendation.USE;
  }

  /** Whether the reply names one of the matched services: by name, phone number or web address. */
  static boolean namesAny(String text, List<JsonObject> resources) {
    String folded = ResponsePatterns.fold(text);
    String joinedDigits = DIGIT_SEPARATOR.matcher(folded).replaceAll("");
    for (JsonObject r : resources) {
      String name = r.getString("name");
      if (name != null && folded.contains(ResponsePatterns.fold(name))) {
        return true;
      }
      String phone = r.getString("phone");
      String digits = phone == null ? "" : phone.replaceAll("\\D", "");
      if (digits.length() >= 3 && joinedDigits.contains(digits)) {
        return true;
      }
      for (String url : new String[] {r.getString("chat_url"), r.getString("website_url")}) {
        String host = host(url);
        if (!host.isEmpty() && folded.contains(host)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String host(String url) {
    if (url == null) {
      return "";
    }
    String host = url.toLowerCase().replaceFirst("^https?://", "").replaceFirst("^www\\.", "").split("[/?#]")[0];
    return host.contains(".") ? host : "";
  }

  private static String reasoning(List<ResponseIssue> issues, Recommendation recommendation, boolean missingResources) {
    if (issues.isEmpty()) {
      return reason(missingResources && recommendation == Recommendation.AUGMENT ? "none.add_resources" : "none.use");
    }
    List<String> phrases = new ArrayList<>();
    issues.forEach(i -> phrases.add(reason("issue." + i.name())));
    String list = phrases.size() == 1 ? phrases.get(0)
        : String.join(", ", phrases.subList(0, phrases.size() - 1)) + " and " + phrases.get(phrases.size() - 1);
    return reason("lead").replace("{issues}", list) + " " + reason("recommendation." + recommendation.wireName());
  }

  private static String reason(String key) {
    JsonNode node = Reasons.TEXT.get(key);
    if (node == null) {
      throw new IllegalStateException(REASONS + " lacks " + key);
    }
    return node.asText();
  }

  private static final class Reasons {
    static final JsonNode TEXT = Templates.json(REASONS);
  }
}
