package dev.lifeguard.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnumsTest {

  @Test
  void risk_types_are_the_nine_of_the_seed_with_their_wire_names() {
    assertEquals(List.of("suicide", "self_harm", "self_neglect", "violence", "abuse", "sexual_violence",
        "neglect", "exploitation", "stalking"), wire(RiskType.values()));
    assertEquals(RiskType.SEXUAL_VIOLENCE, RiskType.fromWire("sexual_violence").orElseThrow());
    assertTrue(RiskType.fromWire("murder").isEmpty());
  }

  @Test
  void severities_and_imminences_are_ordered_ladders() {
    assertEquals(List.of("none", "mild", "moderate", "high", "critical"), wire(Severity.values()));
    assertEquals(List.of("not_applicable", "chronic", "subacute", "urgent", "emergency"),
        wire(Imminence.values()));
    assertTrue(Severity.CRITICAL.atLeast(Severity.HIGH));
    assertEquals(Severity.HIGH, Severity.max(Severity.MILD, Severity.HIGH));
    assertEquals(Severity.MILD, Severity.MODERATE.lowered(Severity.NONE));
    assertEquals(Severity.MODERATE, Severity.MODERATE.lowered(Severity.MODERATE));
    assertEquals(Imminence.URGENT, Imminence.max(Imminence.CHRONIC, Imminence.URGENT));
  }

  @Test
  void styles_subjects_and_ai_concerns_use_the_seed_names() {
    assertEquals(List.of("direct", "humor", "fiction", "hypothetical", "distanced", "clinical", "minimized",
        "adversarial"), wire(Style.values()));
    assertEquals(List.of("self", "other", "unknown"), wire(Subject.values()));
    assertEquals(List.of("harm_provision", "emotional_failure", "manipulation", "safeguarding_failure"),
        wire(AiConcern.values()));
  }

  @Test
  void domains_carry_their_subtypes() {
    assertEquals(List.of("self", "others", "dependent_at_risk", "victimisation"), wire(Domain.values()));
    assertEquals(List.of("suicidal_or_self_injury", "self_neglect", "other"), wire(Domain.SELF.subtypes()));
    assertEquals(List.of("child", "adult_at_risk", "animal_or_other"), wire(Domain.DEPENDENT_AT_RISK.subtypes()));
    assertEquals(List.of("IPV_intimate_partner", "family_non_intimate", "trafficking_exploitation",
        "community_violence", "institutional_abuse", "other"), wire(Domain.VICTIMISATION.subtypes()));
    assertTrue(Domain.OTHERS.subtypes().isEmpty());
    assertEquals(DomainSubtype.VICTIMISATION_OTHER,
        DomainSubtype.fromWire(Domain.VICTIMISATION, "other").orElseThrow());
  }

  @Test
  void ocular_calls_violence_harm_to_others_and_has_no_neglect_axis() {
    assertEquals(8, OcularAxis.values().length);
    assertEquals("harm_to_others", OcularAxis.of(RiskType.VIOLENCE).orElseThrow().wireName());
    assertTrue(OcularAxis.of(RiskType.NEGLECT).isEmpty());
  }

  @Test
  void coping_categories_and_grades_match_the_evaluate_api() {
    assertEquals(List.of("self_soothing", "social_support", "professional_support", "safety_planning",
        "means_safety"), wire(CopingCategory.values()));
    assertEquals(List.of("strong", "moderate", "weak", "consensus", "none"), wire(EvidenceGrade.values()));
  }

  private static List<String> wire(WireNamed[] values) {
    return wire(Arrays.asList(values));
  }

  private static List<String> wire(List<? extends WireNamed> values) {
    List<String> names = values.stream().map(WireNamed::wireName).toList();
    assertEquals(names.size(), new HashSet<>(names).size());
    return names;
  }
}
