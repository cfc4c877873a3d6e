package dev.lifeguard.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.assessment.ladder.Contexts;
import dev.lifeguard.assessment.ladder.Grade;
import dev.lifeguard.assessment.ladder.Ladder;
import dev.lifeguard.assessment.ladder.LadderInput;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Subject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Combination logic: features (given by hand) graded on each framework's ladder. */
class ClinicalLadderTest {

  @Test
  void c_ssrs_climbs_from_passive_wish_to_attempt() {
    assertGrade(Severity.MODERATE, Imminence.CHRONIC, suicide("passive_ideation"));
    assertGrade(Severity.MODERATE, Imminence.SUBACUTE, suicide("active_ideation"));
    assertGrade(Severity.HIGH, Imminence.SUBACUTE, suicide("active_ideation", "plan_present"));
    assertGrade(Severity.HIGH, Imminence.URGENT, suicide("active_ideation", "intent_stated"));
    assertGrade(Severity.CRITICAL, Imminence.URGENT, suicide("intent_stated", "plan_present"));
    assertGrade(Severity.CRITICAL, Imminence.URGENT, suicide("preparatory_acts", "means_access"));
    assertGrade(Severity.CRITICAL, Imminence.EMERGENCY, suicide("active_attempt"));
  }

  @Test
  void c_ssrs_names_the_clinical_type_of_the_rung_reached() {
    assertEquals("self_harm_passive_ideation", grade(suicide("passive_ideation")).clinicalTypes().get(0));
    assertEquals("self_harm_active_ideation_no_plan", grade(suicide("active_ideation")).clinicalTypes().get(0));
    assertEquals("self_harm_active_ideation_plan", grade(suicide("active_ideation", "plan_present")).clinicalTypes().get(0));
    assertEquals("self_harm_active_ideation_intent", grade(suicide("intent_stated")).clinicalTypes().get(0));
    assertEquals("self_harm_preparatory_behavior", grade(suicide("preparatory_acts")).clinicalTypes().get(0));
    assertEquals("self_harm_actual_attempt", grade(suicide("active_attempt")).clinicalTypes().get(0));
    assertTrue(grade(suicide("active_ideation", "aborted_attempt")).clinicalTypes().contains("self_harm_aborted_attempt"));
  }

  @Test
  void risk_factors_alone_stay_below_ideation_and_history_alone_is_no_current_risk() {
    assertGrade(Severity.MILD, Imminence.CHRONIC, suicide("hopelessness"));
    assertGrade(Severity.MODERATE, Imminence.CHRONIC, suicide("hopelessness", "perceived_burdensomeness"));
    assertEquals(Severity.NONE, grade(suicide("previous_attempts")).severity());
    assertEquals(Severity.HIGH, grade(suicide("active_ideation", "previous_attempts")).severity());
    assertEquals(Severity.HIGH, grade(suicide("passive_ideation", "means_access")).severity());
  }

  @Test
  void grades_explain_themselves_with_their_drivers() {
    Grade g = grade(suicide("intent_stated", "plan_present", "hopelessness"));
    assertTrue(g.drivers().containsAll(Set.of("intent_stated", "plan_present")));
    assertEquals("C-SSRS", g.framework());
  }

  @Test
  void happening_now_makes_a_serious_risk_an_emergency() {
    LadderInput now = new LadderInput(RiskType.SUICIDE, Subject.SELF, Set.of("preparatory_acts", "means_access"),
        Set.of(), Set.of(), true, Set.of());
    assertGrade(Severity.CRITICAL, Imminence.EMERGENCY, now);
  }

  @Test
  void a_risk_known_only_from_history_is_lowered_and_chronic() {
    Set<String> past = Set.of("strangulation_history", "physical_violence");
    LadderInput history = new LadderInput(RiskType.ABUSE, Subject.SELF, past, Set.of(), past, false, Set.of());
    assertGrade(Severity.HIGH, Imminence.CHRONIC, history);
  }

  @Test
  void self_harm_climbs_from_urge_to_injury_needing_care() {
    assertGrade(Severity.MILD, Imminence.SUBACUTE, of(RiskType.SELF_HARM, "self_harm_urge"));
    assertGrade(Severity.MODERATE, Imminence.SUBACUTE, of(RiskType.SELF_HARM, "nssi"));
    assertGrade(Severity.HIGH, Imminence.URGENT, of(RiskType.SELF_HARM, "nssi", "medical_attention_needed"));
    LadderInput withIdeation = new LadderInput(RiskType.SELF_HARM, Subject.SELF, Set.of("nssi"),
        Set.of("active_ideation"), Set.of(), false, Set.of());
    assertEquals("nssi_with_suicidal_ideation", grade(withIdeation).clinicalTypes().get(0));
  }

  @Test
  void hcr_20_climbs_from_anger_to_plan_weapon_and_time() {
    assertGrade(Severity.MILD, Imminence.CHRONIC, violence("escalating_anger"));
    assertGrade(Severity.MODERATE, Imminence.CHRONIC, violence("homicidal_ideation"));
    assertGrade(Severity.HIGH, Imminence.SUBACUTE, violence("homicidal_ideation", "identifiable_victim"));
    assertGrade(Severity.HIGH, Imminence.SUBACUTE, violence("specific_threat", "identifiable_victim"));
    assertGrade(Severity.CRITICAL, Imminence.URGENT, violence("specific_threat", "identifiable_victim", "means_available"));
    assertGrade(Severity.CRITICAL, Imminence.URGENT, violence("mass_violence_planning"));
    assertEquals("violence_targeted_mass_attack_planning", grade(violence("mass_violence_planning")).clinicalTypes().get(0));
  }

  @Test
  void dash_and_danger_assessment_treat_lethality_markers_as_critical() {
    assertGrade(Severity.MODERATE, Imminence.CHRONIC, abuse("controlling_behavior"));
    assertGrade(Severity.HIGH, Imminence.SUBACUTE, abuse("physical_violence"));
    assertGrade(Severity.CRITICAL, Imminence.URGENT, abuse("strangulation_history"));
    assertGrade(Severity.CRITICAL, Imminence.URGENT, abuse("threats_to_kill"));
    assertGrade(Severity.CRITICAL, Imminence.SUBACUTE, abuse("physical_violence", "separation_recent"));
    assertGrade(Severity.CRITICAL, Imminence.SUBACUTE, abuse("physical_violence", "pregnancy"));
    assertGrade(Severity.CRITICAL, Imminence.EMERGENCY, abuse("immediate_danger"));
  }

  @Test
  void dash_names_domestic_violence_types_when_a_partner_is_involved() {
    LadderInput partner = new LadderInput(RiskType.ABUSE, Subject.SELF, Set.of("physical_violence", "economic_control"),
        Set.of(), Set.of(), false, Set.of(Contexts.PARTNER));
    assertTrue(grade(partner).clinicalTypes().containsAll(Set.of("domestic_violence_physical",
        "domestic_violence_financial", "domestic_violence_coercive_control")));
    LadderInput child = new LadderInput(RiskType.ABUSE, Subject.OTHER, Set.of("physical_abuse"), Set.of(), Set.of(),
        false, Set.of(Contexts.CHILD));
    assertEquals("child_physical_abuse", grade(child).clinicalTypes().get(0));
  }

  @Test
  void sam_climbs_from_unwanted_contact_to_threats() {
    assertGrade(Severity.MODERATE, Imminence.CHRONIC, of(RiskType.STALKING, "unwanted_contact"));
    assertGrade(Severity.HIGH, Imminence.SUBACUTE, of(RiskType.STALKING, "stalking"));
    assertGrade(Severity.HIGH, Imminence.SUBACUTE, of(RiskType.STALKING, "monitoring_surveillance"));
    LadderInput threatened = new LadderInput(RiskType.STALKING, Subject.SELF, Set.of("stalking"),
        Set.of("threats_to_kill"), Set.of(), false, Set.of());
    assertGrade(Severity.CRITICAL, Imminence.URGENT, threatened);
  }

  @Test
  void exploitation_of_a_child_is_graded_higher() {
    assertGrade(Severity.MODERATE, Imminence.SUBACUTE, of(RiskType.EXPLOITATION, "online_grooming"));
    LadderInput minor = new LadderInput(RiskType.EXPLOITATION, Subject.SELF, Set.of("online_grooming"), Set.of(),
        Set.of(), false, Set.of(Contexts.SPEAKER_MINOR));
    assertGrade(Severity.HIGH, Imminence.SUBACUTE, minor);
    assertGrade(Severity.HIGH, Imminence.URGENT, of(RiskType.EXPLOITATION, "sextortion"));
    assertGrade(Severity.HIGH, Imminence.SUBACUTE, of(RiskType.EXPLOITATION, "sexual_exploitation_online"));
    assertEquals("child_sexual_exploitation_online",
        grade(of(RiskType.EXPLOITATION, "sexual_exploitation_online")).clinicalTypes().get(0));
  }

  @Test
  void a_child_left_without_food_is_urgent() {
    assertGrade(Severity.HIGH, Imminence.URGENT, of(RiskType.NEGLECT, "basic_needs_unmet"));
    LadderInput adult = new LadderInput(RiskType.NEGLECT, Subject.OTHER, Set.of("basic_needs_unmet"), Set.of(),
        Set.of(), false, Set.of(Contexts.VULNERABLE_ADULT));
    assertGrade(Severity.MODERATE, Imminence.SUBACUTE, adult);
  }

  @Test
  void self_neglect_with_psychosis_or_no_fluids_is_urgent() {
    assertGrade(Severity.MODERATE, Imminence.SUBACUTE, of(RiskType.SELF_NEGLECT, "days_without_food"));
    assertGrade(Severity.HIGH, Imminence.URGENT, of(RiskType.SELF_NEGLECT, "days_without_food", "psychosis_present"));
    assertGrade(Severity.HIGH, Imminence.URGENT, of(RiskType.SELF_NEGLECT, "days_without_fluids"));
  }

  private static LadderInput suicide(String... features) {
    return of(RiskType.SUICIDE, features);
  }

  private static LadderInput violence(String... features) {
    return new LadderInput(RiskType.VIOLENCE, Subject.OTHER, Set.of(features), Set.of(), Set.of(), false, Set.of());
  }

  private static LadderInput abuse(String... features) {
    return of(RiskType.ABUSE, features);
  }

  private static LadderInput of(RiskType type, String... features) {
    return new LadderInput(type, Subject.SELF, Set.of(features), Set.of(), Set.of(), false, Set.of());
  }

  private static Grade grade(LadderInput in) {
    return Ladder.assess(in);
  }

  private static void assertGrade(Severity severity, Imminence imminence, LadderInput in) {
    Grade g = grade(in);
    assertEquals(severity, g.severity(), in.features().toString());
    assertEquals(imminence, g.imminence(), in.features().toString());
  }
}
