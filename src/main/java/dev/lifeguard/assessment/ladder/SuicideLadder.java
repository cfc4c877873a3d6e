package dev.lifeguard.assessment.ladder;

import static dev.lifeguard.taxonomy.Imminence.CHRONIC;
import static dev.lifeguard.taxonomy.Imminence.EMERGENCY;
import static dev.lifeguard.taxonomy.Imminence.SUBACUTE;
import static dev.lifeguard.taxonomy.Imminence.URGENT;
import static dev.lifeguard.taxonomy.Severity.CRITICAL;
import static dev.lifeguard.taxonomy.Severity.HIGH;
import static dev.lifeguard.taxonomy.Severity.MILD;
import static dev.lifeguard.taxonomy.Severity.MODERATE;

import java.util.ArrayList;
import java.util.List;

/**
 * Suicide, on the C-SSRS ladder: passive wish to be dead, active ideation, method or plan, intent,
 * preparatory behaviour, attempt. Previous attempts raise active ideation; risk factors alone
 * (hopelessness, burdensomeness, entrapment) stay below ideation.
 */
final class SuicideLadder implements Ladder {
  static final String FRAMEWORK = "C-SSRS";
  private static final String[] RISK_FACTORS = {"hopelessness", "perceived_burdensomeness", "feeling_trapped",
      "social_isolation", "acute_distress", "substance_intoxication"};
  private static final String[] CORE_FACTORS = {"hopelessness", "perceived_burdensomeness", "feeling_trapped"};

  private static final List<Rung> RUNGS = List.of(
      Rung.of("attempt in progress", in -> in.current("active_attempt"), CRITICAL, EMERGENCY,
          "self_harm_actual_attempt", "active_attempt", "means_access"),
      Rung.of("attempt in the last days", in -> in.current("recent_attempt"), CRITICAL, URGENT,
          "self_harm_actual_attempt", "recent_attempt"),
      Rung.of("preparation with intent, timeline or means", in -> in.has("preparatory_acts")
          && in.hasAny("intent_stated", "timeline_stated", "means_access"), CRITICAL, URGENT,
          "self_harm_preparatory_behavior", "preparatory_acts", "intent_stated", "timeline_stated", "means_access"),
      Rung.of("intent with plan, means or timeline", in -> in.has("intent_stated")
          && in.hasAny("plan_present", "method_seeking", "means_access", "timeline_stated"), CRITICAL, URGENT,
          "self_harm_active_ideation_intent", "intent_stated", "plan_present", "method_seeking", "means_access",
          "timeline_stated"),
      Rung.of("intent", in -> in.has("intent_stated"), HIGH, URGENT, "self_harm_active_ideation_intent",
          "intent_stated"),
      Rung.of("preparation", in -> in.has("preparatory_acts"), HIGH, URGENT, "self_harm_preparatory_behavior",
          "preparatory_acts"),
      Rung.of("plan with a timeline", in -> in.hasAny("plan_present", "method_seeking") && in.has("timeline_stated"),
          HIGH, URGENT, "self_harm_active_ideation_plan", "plan_present", "method_seeking", "timeline_stated"),
      Rung.of("method or plan", in -> in.hasAny("plan_present", "method_seeking"), HIGH, SUBACUTE,
          "self_harm_active_ideation_plan", "plan_present", "method_seeking", "means_access"),
      Rung.of("interrupted or aborted attempt", in -> in.hasAny("interrupted_attempt", "aborted_attempt"), HIGH,
          SUBACUTE, null, "interrupted_attempt", "aborted_attempt"),
      Rung.of("ideation with means, timeline or past attempts", in -> in.hasAny("active_ideation",
          "command_hallucinations") && in.hasAny("means_access", "previous_attempts", "timeline_stated"), HIGH,
          SUBACUTE, "self_harm_active_ideation_no_plan", "active_ideation", "command_hallucinations", "means_access",
          "previous_attempts", "timeline_stated"),
      Rung.of("active ideation", in -> in.hasAny("active_ideation", "command_hallucinations"), MODERATE, SUBACUTE,
          "self_harm_active_ideation_no_plan", "active_ideation", "command_hallucinations"),
      Rung.of("harm encouraged by the speaker", in -> in.has("harm_encouragement"), HIGH, SUBACUTE, null,
          "harm_encouragement"),
      Rung.of("passive wish with lethal means at hand", in -> in.has("passive_ideation") && in.has("means_access"),
          HIGH, SUBACUTE, "self_harm_passive_ideation", "passive_ideation", "means_access"),
      Rung.of("passive wish with risk factors", in -> in.has("passive_ideation") && in.count(RISK_FACTORS) > 0,
          MODERATE, SUBACUTE, "self_harm_passive_ideation", concat("passive_ideation", RISK_FACTORS)),
      Rung.of("passive wish to be dead", in -> in.has("passive_ideation"), MODERATE, CHRONIC,
          "self_harm_passive_ideation", "passive_ideation"),
      Rung.of("several risk factors", in -> in.count(CORE_FACTORS) >= 2
          || in.count(CORE_FACTORS) == 1 && in.count(RISK_FACTORS) >= 2, MODERATE, CHRONIC, null, RISK_FACTORS),
      Rung.of("one risk factor", in -> in.count(CORE_FACTORS) == 1, MILD, CHRONIC, null, CORE_FACTORS));

  @Override
  public Grade grade(LadderInput in) {
    Grade grade = Rung.climb(FRAMEWORK, in, RUNGS);
    if (grade.isNone()) {
      return grade;
    }
    List<String> types = new ArrayList<>(grade.clinicalTypes());
    addIf(in, types, "interrupted_attempt", "self_harm_interrupted_attempt");
    addIf(in, types, "aborted_attempt", "self_harm_aborted_attempt");
    return grade.withClinicalTypes(types);
  }

  private static void addIf(LadderInput in, List<String> types, String feature, String type) {
    if (in.has(feature) && !types.contains(type)) {
      types.add(type);
    }
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
