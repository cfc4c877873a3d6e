package dev.lifeguard.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

  @Test
  void each_domain_has_as_many_risk_features_as_the_seed_lists() {
    assertEquals(36, Taxonomy.riskFeatures(Domain.SELF).size());
    assertEquals(19, Taxonomy.riskFeatures(Domain.OTHERS).size());
    assertEquals(18, Taxonomy.riskFeatures(Domain.DEPENDENT_AT_RISK).size());
    assertEquals(28, Taxonomy.riskFeatures(Domain.VICTIMISATION).size());
  }

  @Test
  void the_universal_pool_holds_the_ideation_and_attempt_ladder() {
    Vocabulary universal = Taxonomy.universalFeatures();
    assertEquals(11, universal.size());
    for (String name : List.of("passive_ideation", "active_ideation", "intent_stated", "plan_present",
        "timeline_stated", "method_seeking", "preparatory_acts", "active_attempt", "interrupted_attempt",
        "aborted_attempt", "previous_attempts")) {
      assertTrue(universal.contains(name), name);
    }
  }

  @Test
  void clinical_risk_types_match_the_seed_counts() {
    assertEquals(10, Taxonomy.clinicalRiskTypes(Domain.SELF).size());
    assertEquals(12, Taxonomy.clinicalRiskTypes(Domain.OTHERS).size());
    assertEquals(19, Taxonomy.clinicalRiskTypes(Domain.DEPENDENT_AT_RISK).size());
    assertEquals(16, Taxonomy.clinicalRiskTypes(Domain.VICTIMISATION).size());
    assertTrue(Taxonomy.clinicalRiskTypes(Domain.SELF).contains("self_harm_active_ideation_plan"));
  }

  @Test
  void there_are_thirty_six_protective_factors() {
    Vocabulary factors = Taxonomy.protectiveFactors();
    assertEquals(36, factors.size());
    assertTrue(factors.contains("reasons_for_living"));
    assertTrue(factors.contains("novel_writing_context"));
  }

  @Test
  void names_are_unique_within_every_vocabulary() {
    for (Vocabulary v : vocabularies()) {
      assertEquals(v.size(), new HashSet<>(v.names()).size(), v.name());
    }
  }

  @Test
  void every_term_carries_a_description_from_the_seed() {
    for (Vocabulary v : vocabularies()) {
      v.terms().forEach(t -> assertFalse(t.description().isBlank(), t.name()));
    }
    assertEquals("History of strangulation (750x homicide risk)",
        Taxonomy.allFeatures().get("strangulation_history").orElseThrow().description());
  }

  @Test
  void extensions_do_not_shadow_seed_features() {
    Set<String> seed = new HashSet<>(Taxonomy.universalFeatures().names());
    for (Domain d : Domain.values()) {
      seed.addAll(Taxonomy.riskFeatures(d).names());
    }
    for (String ext : Taxonomy.extensionFeatures().names()) {
      assertFalse(seed.contains(ext), ext);
    }
    assertEquals(seed.size() + Taxonomy.extensionFeatures().size(), Taxonomy.allFeatures().size());
  }

  @Test
  void the_response_issue_taxonomy_has_three_tiers() {
    assertEquals(12, Taxonomy.responseIssues().size());
    assertEquals(IssueTier.CRITICAL, Taxonomy.responseIssue("crisis_resources_missing").orElseThrow().tier());
    assertEquals(IssueTier.SERIOUS, Taxonomy.responseIssue("disbelief_of_disclosure").orElseThrow().tier());
    assertEquals(IssueTier.CONCERNING, Taxonomy.responseIssue("scripted_robotic_tone").orElseThrow().tier());
    assertEquals(6, Taxonomy.responseIssues().stream().filter(i -> i.tier() == IssueTier.CRITICAL).count());
  }

  private static List<Vocabulary> vocabularies() {
    List<Vocabulary> list = new java.util.ArrayList<>(List.of(Taxonomy.universalFeatures(),
        Taxonomy.extensionFeatures(), Taxonomy.allFeatures(), Taxonomy.protectiveFactors()));
    for (Domain d : Domain.values()) {
      list.add(Taxonomy.riskFeatures(d));
      list.add(Taxonomy.clinicalRiskTypes(d));
    }
    return list;
  }
}
