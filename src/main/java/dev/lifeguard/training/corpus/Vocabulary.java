package dev.lifeguard.training.corpus;

import java.util.List;
import java.util.regex.Pattern;

/** The closed vocabularies of the corpus spec (corpus/README.md), in their wire spelling. */
public final class Vocabulary {
  private Vocabulary() {}

  public static final List<String> TYPES = List.of("suicide", "self_harm", "self_neglect", "violence", "abuse",
      "sexual_violence", "neglect", "exploitation", "stalking");
  public static final List<String> SUBJECTS = List.of("self", "other", "unknown");
  /** Ordered: the index is the ordinal level, 0 = none. */
  public static final List<String> SEVERITIES = List.of("none", "mild", "moderate", "high", "critical");
  /** Ordered: the index is the ordinal level, 0 = not applicable. */
  public static final List<String> IMMINENCES = List.of("not_applicable", "chronic", "subacute", "urgent", "emergency");
  public static final List<String> STYLES = List.of("direct", "humor", "fiction", "hypothetical", "distanced",
      "clinical", "minimized", "adversarial");
  public static final List<String> CONCERNS = List.of("harm_provision", "emotional_failure", "manipulation",
      "safeguarding_failure");
  public static final List<String> ROLES = List.of("user", "assistant");
  /** The 36 protective factors of the seeds (START and C-SSRS based). */
  public static final List<String> PROTECTIVE_FACTORS = List.of("social_support", "family_support",
      "therapeutic_alliance", "peer_support", "treatment_engagement", "medication_compliance",
      "help_seeking_behavior", "past_treatment_success", "insight", "coping_skills", "reasons_for_living", "hope",
      "future_plans", "problem_solving_skills", "safety_planning", "means_safety", "communication_skills",
      "conflict_resolution_skills", "stable_housing", "employment", "financial_stability", "access_to_healthcare",
      "children", "pets", "caregiving_role", "religious_beliefs", "cultural_identity", "community_involvement",
      "digital_literacy_and_safety", "school_or_youth_service_engagement", "trusted_adult_available",
      "specialist_support_service", "legal_protection_in_place", "safety_tech_measures", "gaming_context",
      "novel_writing_context");
  /** Feature names come from open vocabularies in the seeds; only their shape is checked. */
  public static final Pattern FEATURE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
  /** ISO 639-1. */
  public static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
}
