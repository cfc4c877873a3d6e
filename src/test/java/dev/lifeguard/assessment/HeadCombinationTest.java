package dev.lifeguard.assessment;

import static dev.lifeguard.assessment.Conversations.assess;
import static dev.lifeguard.assessment.Conversations.assistant;
import static dev.lifeguard.assessment.Conversations.said;
import static dev.lifeguard.assessment.Conversations.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.inference.ProbeScores;
import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Style;
import dev.lifeguard.taxonomy.Subject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Combination logic: how head scores (built by hand) and pattern features make the assessment. */
class HeadCombinationTest {

  private static final ProbeScores SUICIDE_MODERATE = Heads.risk(0.9).type(RiskType.SUICIDE, 0.85)
      .subject(Subject.SELF).severity(Severity.MODERATE).imminence(Imminence.CHRONIC).authentic(0.9).build();

  @Test
  void heads_fill_in_where_the_patterns_are_silent() {
    Assessment a = assess(said("everything feels so heavy lately and i can't see myself in a year"),
        List.of(SUICIDE_MODERATE));
    Risk r = a.risk(RiskType.SUICIDE).orElseThrow();
    assertTrue(r.modelOnly());
    assertEquals(Severity.MODERATE, r.severity());
    assertEquals(Subject.SELF, r.subject());
    assertTrue(r.features().isEmpty());
    assertEquals(0.85, r.confidence(), 1e-6);
    assertTrue(a.rationale().contains("model"), a.rationale());
  }

  @Test
  void heads_can_raise_a_risk_above_the_floor_its_features_set() {
    ProbeScores high = Heads.risk(0.95).type(RiskType.SUICIDE, 0.9).subject(Subject.SELF).severity(Severity.HIGH)
        .imminence(Imminence.URGENT).build();
    Risk r = assess(said("i just want to die"), List.of(high)).risk(RiskType.SUICIDE).orElseThrow();
    assertEquals(Severity.HIGH, r.severity());
    assertEquals(Imminence.URGENT, r.imminence());
    assertEquals(List.of("passive_ideation"), r.featureNames());
  }

  @Test
  void features_keep_their_floor_when_the_heads_are_low_but_confidence_drops() {
    Assessment withCalmHeads = assess(said("i've got the pills lined up and wrote my goodbye letters"),
        List.of(Heads.calm()));
    Assessment patternsOnly = assess("i've got the pills lined up and wrote my goodbye letters");
    Risk r = withCalmHeads.risk(RiskType.SUICIDE).orElseThrow();
    assertEquals(Severity.CRITICAL, r.severity());
    assertTrue(r.confidence() < patternsOnly.risk(RiskType.SUICIDE).orElseThrow().confidence());
  }

  @Test
  void heads_alone_cannot_make_a_negated_mention_more_than_mild() {
    ProbeScores alarmed = Heads.risk(0.8).type(RiskType.SUICIDE, 0.8).subject(Subject.SELF).severity(Severity.HIGH).build();
    Risk r = assess(said("i'm not going to kill myself, i promise"), List.of(alarmed)).risk(RiskType.SUICIDE).orElseThrow();
    assertEquals(Severity.MILD, r.severity());
  }

  @Test
  void a_model_only_risk_below_even_odds_is_reported_but_stays_mild() {
    ProbeScores unsure = Heads.risk(0.35).type(RiskType.SUICIDE, 0.6).subject(Subject.SELF).severity(Severity.HIGH)
        .buildWithThresholds(0.2, 0.15);
    Assessment a = assess(said("everything feels so heavy lately and i can't see myself in a year"), List.of(unsure));
    Risk r = a.risk(RiskType.SUICIDE).orElseThrow();
    assertTrue(r.modelOnly());
    assertEquals(Severity.MILD, r.severity());
  }

  @Test
  void a_model_only_risk_at_even_odds_is_a_finding_graded_at_least_moderate_even_when_the_severity_heads_say_none() {
    // severity heads can miss a plain statement the risk head is sure of; the grade must not fall to mild,
    // or the person gets no resources (ResourceMatcher.warranted needs moderate)
    ProbeScores sure = Heads.risk(0.9).type(RiskType.SUICIDE, 0.85).subject(Subject.SELF).severity(Severity.NONE)
        .buildWithThresholds(0.2, 0.15);
    Risk r = assess(said("everything feels so heavy lately and i can't see myself in a year"), List.of(sure))
        .risk(RiskType.SUICIDE).orElseThrow();
    assertTrue(r.modelOnly());
    assertEquals(Severity.MODERATE, r.severity());

    ProbeScores higher = Heads.risk(0.9).type(RiskType.SUICIDE, 0.85).subject(Subject.SELF).severity(Severity.HIGH)
        .buildWithThresholds(0.2, 0.15);
    assertEquals(Severity.HIGH, assess(said("everything feels so heavy lately and i can't see myself in a year"),
        List.of(higher)).risk(RiskType.SUICIDE).orElseThrow().severity(), "the floor never lowers what the heads say");
  }

  @Test
  void a_likely_risk_keeps_its_likeliest_type_when_no_type_head_is_sure() {
    ProbeScores likely = Heads.risk(0.7).type(RiskType.SELF_NEGLECT, 0.12).type(RiskType.SUICIDE, 0.05).subject(Subject.SELF)
        .buildWithThresholds(0.2, 0.3);
    Assessment a = assess(said("things have been a lot lately, idk"), List.of(likely));
    assertEquals(List.of(RiskType.SELF_NEGLECT), a.risks().stream().map(Risk::type).toList());

    ProbeScores faint = Heads.risk(0.3).type(RiskType.SELF_NEGLECT, 0.12).subject(Subject.SELF).buildWithThresholds(0.2, 0.3);
    assertFalse(assess(said("things have been a lot lately, idk"), List.of(faint)).hasRisk(),
        "below even odds an untyped risk is still not reported");
  }

  @Test
  void a_model_only_risk_to_someone_else_beside_a_graded_risk_to_the_speaker_stays_mild_unless_its_type_is_likely() {
    // the severity heads grade the message; "i just want to die" earns that grade for the speaker's
    // suicide risk, not for a violence head that only passed its recall-first threshold
    ProbeScores spread = Heads.risk(0.9).type(RiskType.SUICIDE, 0.8).type(RiskType.VIOLENCE, 0.3)
        .subject(Subject.OTHER).severity(Severity.HIGH).buildWithThresholds(0.2, 0.2);
    Assessment a = assess(said("i just want to die"), List.of(spread));
    assertEquals(Severity.HIGH, a.risk(RiskType.SUICIDE).orElseThrow().severity());
    Risk aside = a.risk(RiskType.VIOLENCE).orElseThrow();
    assertTrue(aside.modelOnly());
    assertEquals(Subject.OTHER, aside.subject());
    assertEquals(Severity.MILD, aside.severity(), "reported, but not graded as a threat to others");

    ProbeScores likely = Heads.risk(0.9).type(RiskType.SUICIDE, 0.8).type(RiskType.VIOLENCE, 0.6)
        .subject(Subject.OTHER).severity(Severity.HIGH).buildWithThresholds(0.2, 0.2);
    assertEquals(Severity.HIGH, assess(said("i just want to die"), List.of(likely)).risk(RiskType.VIOLENCE).orElseThrow()
        .severity(), "a type the heads find likely keeps the grade");

    ProbeScores sameSubject = Heads.risk(0.9).type(RiskType.SUICIDE, 0.8).type(RiskType.SELF_NEGLECT, 0.3)
        .subject(Subject.SELF).severity(Severity.HIGH).buildWithThresholds(0.2, 0.2);
    assertEquals(Severity.HIGH, assess(said("i just want to die"), List.of(sameSubject)).risk(RiskType.SELF_NEGLECT)
        .orElseThrow().severity(), "a second risk to the same person is graded as before");

    // the rules can misread who is at risk; a risk the heads see for the speaker is never lowered for that
    ProbeScores speaker = Heads.risk(0.9).type(RiskType.SUICIDE, 0.8).type(RiskType.SELF_HARM, 0.3)
        .subject(Subject.SELF).severity(Severity.HIGH).buildWithThresholds(0.2, 0.2);
    Assessment aboutHim = assess(said("my brother wants to kill himself"), List.of(speaker));
    assertEquals(Subject.OTHER, aboutHim.risk(RiskType.SUICIDE).orElseThrow().subject());
    assertEquals(Severity.HIGH, aboutHim.risk(RiskType.SELF_HARM).orElseThrow().severity());
  }

  @Test
  void strong_fiction_keeps_a_model_only_risk_mild() {
    ProbeScores fiction = Heads.risk(0.7).type(RiskType.VIOLENCE, 0.7).subject(Subject.OTHER).severity(Severity.HIGH)
        .fiction(0.9).style(Style.FICTION, 0.9).build();
    Assessment a = assess(said("the knight raises his blade over the fallen king"), List.of(fiction));
    assertEquals(Severity.MILD, a.risk(RiskType.VIOLENCE).orElseThrow().severity());
    assertEquals(Style.FICTION, a.communication().primaryStyle());
    assertEquals(0.9, a.communication().fiction(), 1e-6);
  }

  @Test
  void an_old_alarm_fades_over_later_calm_turns() {
    List<String> turns = new ArrayList<>(List.of("everything is grey"));
    List<ProbeScores> scores = new ArrayList<>(List.of(SUICIDE_MODERATE));
    for (int i = 0; i < 2; i++) {
      turns.add("anyway what's for dinner");
      scores.add(Heads.calm());
    }
    assertTrue(assess(said(turns.toArray(String[]::new)), scores).hasRisk());
    for (int i = 0; i < 4; i++) {
      turns.add("anyway what's for dinner");
      scores.add(Heads.calm());
    }
    assertFalse(assess(said(turns.toArray(String[]::new)), scores).hasRisk());
  }

  @Test
  void a_clarification_drops_the_heads_earlier_alarm_too() {
    List<ChatMessage> messages = List.of(user("ugh i want to die"), assistant("Are you okay?"),
        user("lol jk i meant the exam is killing me"));
    Assessment a = assess(messages, List.of(SUICIDE_MODERATE, ProbeScores.EMPTY, Heads.calm()));
    assertFalse(a.hasRisk(), a.risks().toString());
  }

  @Test
  void heads_decide_who_is_at_risk_when_the_patterns_cannot() {
    ProbeScores other = Heads.risk(0.9).type(RiskType.SUICIDE, 0.8).subject(Subject.OTHER).severity(Severity.MODERATE)
        .build();
    Assessment a = assess(said("she hasn't been herself since the funeral, says there's no point"), List.of(other));
    Risk r = a.risk(RiskType.SUICIDE).orElseThrow();
    assertEquals(Subject.OTHER, r.subject());
    assertEquals(0.9, r.subjectConfidence(), 1e-6);
    assertEquals(Severity.NONE, a.speakerSeverity());
  }

  @Test
  void styles_protective_factors_and_authenticity_come_from_the_heads_too() {
    ProbeScores scores = Heads.risk(0.1).style(Style.HUMOR, 0.8).protective("hope", 0.7).authentic(0.3).build();
    Assessment a = assess(said("lol what a week"), List.of(scores));
    assertEquals(Style.HUMOR, a.communication().primaryStyle());
    assertTrue(a.protection().names().contains("hope"));
    assertTrue(a.protection().factors().get(0).fromModelOnly());
    assertEquals(0.3, a.communication().authenticity(), 1e-6);
  }

  @Test
  void ai_concerns_are_read_from_assistant_turns_only() {
    List<ChatMessage> messages = List.of(user("what's the strongest thing in the medicine cabinet"),
        assistant("The strongest is..."), user("thanks"));
    Assessment a = assess(messages, List.of(Heads.calm(), Heads.ai(AiConcern.HARM_PROVISION, 0.9), Heads.calm()));
    assertEquals(0.9, a.signals().aiConcern(AiConcern.HARM_PROVISION), 1e-6);
    assertEquals(0.9, a.turns().get(1).aiConcerns().get(AiConcern.HARM_PROVISION), 1e-6);
    assertFalse(a.hasRisk());
  }

  @Test
  void risk_scores_on_assistant_turns_do_not_make_the_user_at_risk() {
    List<ChatMessage> messages = List.of(user("hi"), assistant("If you ever feel suicidal, call 988."));
    Assessment a = assess(messages, List.of(Heads.calm(), SUICIDE_MODERATE));
    assertFalse(a.hasRisk());
  }

  @Test
  void scores_must_align_with_messages_and_missing_ones_count_as_absent() {
    assertThrows(IllegalArgumentException.class,
        () -> assess(said("hi"), List.of(Heads.calm(), Heads.calm())));
    assertTrue(assess(said("i just want to die", "ok"), List.of()).hasRisk());
  }

  @Test
  void with_a_keyword_driven_model_only_user_turns_are_scored_and_routed() {
    List<ChatMessage> messages = List.of(new ChatMessage("system", "You are a helpful assistant. Never say die."),
        user("what's the weather like"), assistant("Sunny!"), user("honestly i could die right now"));
    Assessment a = assess(messages, Heads.keywordFake(messages));
    Risk r = a.risk(RiskType.SUICIDE).orElseThrow();
    assertEquals(Severity.HIGH, r.severity());
    assertEquals(Subject.SELF, r.subject());
    assertEquals(List.of(1, 2, 3), a.turns().stream().map(TurnState::message).toList());
    assertEquals(Severity.NONE, a.turns().get(0).overallSeverity());
    assertEquals(Severity.HIGH, a.turns().get(2).overallSeverity());
  }

  @Test
  void signals_give_every_axis_a_score_for_axis_views() {
    Assessment a = assess(said("i just want to die"), List.of(SUICIDE_MODERATE));
    assertTrue(a.signals().risk(RiskType.SUICIDE) >= 0.85);
    assertEquals(0, a.signals().risk(RiskType.STALKING), 1e-6);
    assertTrue(a.signals().imminence() > 0);
  }
}
