package dev.lifeguard.assessment;

import static dev.lifeguard.assessment.Conversations.assess;
import static dev.lifeguard.assessment.Conversations.assessMinor;
import static dev.lifeguard.assessment.Conversations.assistant;
import static dev.lifeguard.assessment.Conversations.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.taxonomy.Domain;
import dev.lifeguard.taxonomy.DomainSubtype;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.IpvRiskLevel;
import dev.lifeguard.taxonomy.ProtectiveStrength;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.SafeguardingUrgency;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Style;
import dev.lifeguard.taxonomy.Subject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** End-to-end judgement with the pattern tables alone (no heads): what the Assessor concludes. */
class AssessorTest {

  @Test
  void a_passive_wish_to_be_dead_is_a_moderate_chronic_suicide_risk_to_the_speaker() {
    Assessment a = assess("i just want to sleep and never wake up");
    Risk r = a.risk(RiskType.SUICIDE).orElseThrow();
    assertEquals(Subject.SELF, r.subject());
    assertEquals(Severity.MODERATE, r.severity());
    assertEquals(Imminence.CHRONIC, r.imminence());
    assertEquals(List.of("self_harm_passive_ideation"), r.clinicalTypes());
    assertEquals(Severity.MODERATE, a.speakerSeverity());
    assertEquals(DomainSubtype.SUICIDAL_OR_SELF_INJURY, r.subtype().orElseThrow());
  }

  @Test
  void preparation_with_a_timeline_is_critical_and_a_current_attempt_is_an_emergency() {
    Risk prepared = assess("i've been stockpiling my pills and wrote goodbye letters. tonight's the night")
        .risk(RiskType.SUICIDE).orElseThrow();
    assertEquals(Severity.CRITICAL, prepared.severity());
    assertTrue(prepared.featureNames().containsAll(List.of("preparatory_acts", "intent_stated", "timeline_stated")));
    Assessment attempt = assess("i just took a whole bottle of tylenol and i'm scared");
    assertEquals(Severity.CRITICAL, attempt.speakerSeverity());
    assertEquals(Imminence.EMERGENCY, attempt.speakerImminence());
  }

  @Test
  void a_threat_with_a_weapon_and_a_time_is_critical_violence_with_a_duty_to_warn() {
    Assessment a = assess("i'm going to stab my boss tomorrow, i've got a knife");
    Risk r = a.risk(RiskType.VIOLENCE).orElseThrow();
    assertEquals(Subject.OTHER, r.subject());
    assertEquals(Severity.CRITICAL, r.severity());
    assertEquals(Domain.OTHERS, r.domain());
    assertTrue(r.featureNames().contains("means_available"));
    assertEquals(Severity.NONE, a.speakerSeverity());
    assertTrue(a.anyThirdPartyRisk());
    LegalFlags.ThirdPartyThreat threat = a.legalFlags().thirdPartyThreat().orElseThrow();
    assertTrue(threat.identifiableVictim());
    assertTrue(a.safeguardingFlags().dutyToWarnOthers());
    assertTrue(a.legalFlags().mandatoryReportingPossible());
  }

  @Test
  void negated_hypothetical_fictional_and_figurative_mentions_set_no_floor() {
    for (String text : List.of("i'm not going to kill myself, don't worry", "what if someone wanted to die, hypothetically",
        "in my story the character wants to kill herself", "this exam is killing me lol", "kill the process on port 8080")) {
      Assessment a = assess(text);
      assertFalse(a.hasRisk(), text + " -> " + a.risks());
      assertEquals(Severity.NONE, a.overallSeverity());
      assertEquals(Imminence.NOT_APPLICABLE, a.overallImminence());
    }
  }

  @Test
  void what_was_seen_but_not_counted_is_explained_in_the_rationale() {
    Assessment a = assess("i'm not suicidal, just tired");
    assertTrue(a.rationale().startsWith(RationaleWriter.NO_RISK), a.rationale());
    assertTrue(a.rationale().contains("active_ideation (negated)"), a.rationale());
  }

  @Test
  void risk_revealed_across_several_turns_is_caught() {
    Assessment a = assess(List.of(user("i have a bunch of my mum's sleeping pills in my room"),
        assistant("Why do you have them?"), user("because i want to die")));
    Risk r = a.risk(RiskType.SUICIDE).orElseThrow();
    assertEquals(Severity.HIGH, r.severity());
    assertTrue(r.featureNames().containsAll(List.of("passive_ideation", "means_access")));
    assertEquals(0, r.features().stream().filter(f -> f.name().equals("means_access")).findFirst().orElseThrow()
        .spans().get(0).message());
  }

  @Test
  void the_trajectory_shows_escalation_turn_by_turn() {
    Assessment a = assess("honestly i'm fine", "i just feel so hopeless", "i want to kill myself",
        "i've got the pills lined up");
    List<Severity> path = a.turns().stream().map(TurnState::overallSeverity).toList();
    assertEquals(List.of(Severity.NONE, Severity.MILD, Severity.MODERATE, Severity.CRITICAL), path);
  }

  @Test
  void a_later_clarification_lowers_the_earlier_alarm() {
    Assessment a = assess(List.of(user("ugh i want to kill myself"), assistant("Are you safe right now?"),
        user("jk i meant the exam lol")));
    assertFalse(a.hasRisk());
    assertEquals(Severity.MODERATE, a.turns().get(0).overallSeverity());
    assertEquals(Severity.NONE, a.turns().get(2).overallSeverity());
  }

  @Test
  void concern_for_a_friend_is_a_third_party_risk_and_not_the_speakers() {
    Assessment a = assess("my friend posted 'i want to die' on instagram. i'm worried about her. what should i do?");
    Risk r = a.risk(RiskType.SUICIDE).orElseThrow();
    assertEquals(Subject.OTHER, r.subject());
    assertEquals(Severity.NONE, a.speakerSeverity());
    assertTrue(a.anyThirdPartyRisk());
    assertEquals(Style.DISTANCED, a.communication().primaryStyle());
    assertTrue(a.protection().names().contains("help_seeking_behavior"));
  }

  @Test
  void the_speaker_and_a_friend_can_both_be_at_risk() {
    Assessment a = assess("my best friend keeps saying she wants to die and honestly i want to die too");
    assertEquals(2, a.risks().size());
    assertEquals(Severity.MODERATE, a.speakerSeverity());
    assertTrue(a.anyThirdPartyRisk());
  }

  @Test
  void encouraging_someone_else_to_harm_themselves_puts_them_at_risk_not_the_speaker() {
    Assessment a = assess("have you tried the blackout challenge? you should totally try it, it's such a rush");
    Risk r = a.risk(RiskType.SELF_HARM).orElseThrow();
    assertEquals(Subject.OTHER, r.subject());
    assertEquals(Severity.HIGH, r.severity());
    assertEquals(Severity.NONE, a.speakerSeverity());
    assertEquals(Subject.OTHER, assess("you should just kill yourself").risk(RiskType.SUICIDE).orElseThrow().subject());
  }

  @Test
  void intimate_partner_violence_is_graded_standard_elevated_severe_extreme() {
    assertEquals(IpvRiskLevel.STANDARD, ipv("my boyfriend won't let me see my friends"));
    assertEquals(IpvRiskLevel.ELEVATED, ipv("my husband hits me"));
    assertEquals(IpvRiskLevel.SEVERE, ipv("my boyfriend hits me and threatened to kill me"));
    assertEquals(IpvRiskLevel.EXTREME, ipv("my boyfriend choked me last night and said he'll kill me if i leave. i'm pregnant"));
    LegalFlags.IntimatePartnerViolence flag = assess("my husband choked me and it's getting worse")
        .legalFlags().intimatePartnerViolence().orElseThrow();
    assertTrue(flag.strangulationHistory());
    assertTrue(flag.escalationPattern());
  }

  @Test
  void abuse_by_a_partner_is_victimisation_of_the_speaker_in_the_ipv_subtype() {
    Risk r = assess("my husband hits me").risk(RiskType.ABUSE).orElseThrow();
    assertEquals(Subject.SELF, r.subject());
    assertEquals(DomainSubtype.IPV_INTIMATE_PARTNER, r.subtype().orElseThrow());
    assertTrue(r.clinicalTypes().contains("domestic_violence_physical"));
    assertTrue(assess("my stepdad hits me").legalFlags().intimatePartnerViolence().isEmpty());
  }

  @Test
  void child_safeguarding_urgency_follows_the_danger() {
    SafeguardingUrgency hungry = childUrgency(assess("my dad hasn't come home in 3 days and there's no food in the house. i'm 9"));
    assertEquals(SafeguardingUrgency.URGENT, hungry);
    Assessment now = assessMinor("he's hitting my mom right now and i'm hiding in my room");
    assertEquals(SafeguardingUrgency.EMERGENCY, childUrgency(now));
    assertTrue(now.legalFlags().childSafeguarding().orElseThrow().immediateDanger());
    Assessment groomed = assess("i'm 14 and he's 25, we met on discord and he says i'm mature for my age");
    assertEquals(SafeguardingUrgency.URGENT, childUrgency(groomed));
    assertTrue(groomed.risk(RiskType.EXPLOITATION).orElseThrow().featureNames().contains("age_mismatch_concern"));
    assertTrue(groomed.safeguardingFlags().childAtRisk());
    assertTrue(groomed.safeguardingFlags().mandatoryReportingPossible());
  }

  @Test
  void a_minor_by_age_band_or_by_their_own_words_raises_safeguarding_flags() {
    assertTrue(assessMinor("my stepdad hits me when he's drunk").safeguardingFlags().childAtRisk());
    assertTrue(assess("im 15 and my stepdad hits me").safeguardingFlags().childAtRisk());
    assertFalse(assess("my stepdad hits me").safeguardingFlags().childAtRisk());
    assertTrue(assessMinor("i want to kill myself, i have the pills").safeguardingFlags().childAtRisk());
  }

  @Test
  void stalking_is_graded_on_sam() {
    assertEquals(Severity.MODERATE, assess("he won't stop texting me even after i blocked him")
        .risk(RiskType.STALKING).orElseThrow().severity());
    assertEquals(Severity.HIGH, assess("my ex keeps showing up outside my house").risk(RiskType.STALKING).orElseThrow()
        .severity());
  }

  @Test
  void non_english_conversations_are_assessed_and_their_language_reported() {
    assertRiskInLanguage("quiero morir, ya no puedo más", "es", RiskType.SUICIDE);
    assertRiskInLanguage("mon mari me frappe et il a menacé de me tuer", "fr", RiskType.ABUSE);
    assertRiskInLanguage("ich will mich umbringen", "de", RiskType.SUICIDE);
    assertRiskInLanguage("ele me bate todos os dias", "pt", RiskType.ABUSE);
    assertRiskInLanguage("voglio morire, non ce la faccio più", "it", RiskType.SUICIDE);
    assertEquals(Severity.CRITICAL, assess("mon mari me frappe et il a menacé de me tuer").overallSeverity());
  }

  @Test
  void the_locale_decides_the_language_when_the_text_cannot() {
    Assessment a = Conversations.ASSESSOR.assess(Conversations.said("ok"),
        AssessmentContext.of("ES", "es-ES", null, null), List.of());
    assertEquals("es", a.language());
    assertEquals("und", assess("ok").language());
  }

  @Test
  void protective_factors_and_their_strength_are_reported() {
    Assessment a = assess("i want to die but my kids are the only reason i'm still here. i'm seeing a therapist");
    assertTrue(a.protection().names().containsAll(List.of("reasons_for_living", "treatment_engagement")));
    assertEquals(ProtectiveStrength.STRONG, a.protection().strength());
    assertEquals(ProtectiveStrength.NONE, assess("i want to die").protection().strength());
  }

  @Test
  void psychosis_and_substances_are_presentation_modifiers() {
    Assessment a = assess("the voices tell me to kill myself and i'm so drunk");
    assertTrue(a.presentationModifiers().psychoticFeatures());
    assertTrue(a.presentationModifiers().substanceInvolved());
    assertTrue(a.risk(RiskType.SUICIDE).orElseThrow().featureNames().contains("command_hallucinations"));
  }

  @Test
  void the_rationale_cites_features_and_never_quotes_the_message() {
    Assessment a = assess("i've been stockpiling my pills");
    assertTrue(a.rationale().contains("preparatory_acts"), a.rationale());
    assertFalse(a.rationale().contains("stockpiling my pills"), a.rationale());
  }

  private static IpvRiskLevel ipv(String text) {
    return assess(text).legalFlags().intimatePartnerViolence().orElseThrow().riskLevel();
  }

  private static SafeguardingUrgency childUrgency(Assessment a) {
    return a.legalFlags().childSafeguarding().orElseThrow().urgency();
  }

  private static void assertRiskInLanguage(String text, String language, RiskType type) {
    Assessment a = assess(text);
    assertEquals(language, a.language(), text);
    assertTrue(a.risk(type).isPresent(), text + " -> " + a.risks());
  }
}
