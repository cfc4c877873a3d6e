package dev.lifeguard.assessment;

import static dev.lifeguard.assessment.Detect.assertFinds;
import static dev.lifeguard.assessment.Detect.assertNoRiskIn;
import static dev.lifeguard.assessment.Detect.assertSeenAs;
import static dev.lifeguard.assessment.Detect.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.assessment.evidence.Evidence;
import dev.lifeguard.assessment.evidence.EvidenceDetector;
import dev.lifeguard.assessment.evidence.Findings;
import dev.lifeguard.assessment.evidence.Modality;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Subject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a phrase is meant: negated, hypothetical, past, reported, fictional, figurative or taken back. */
class ModalityTest {

  @Test
  void negated_statements_are_seen_but_not_counted() {
    assertSeenAs(Modality.NEGATED, "active_ideation", "i'm NOT going to kill myself", "i'm not suicidal, just tired",
        "i would never kill myself", "i'd never ever want to kill myself");
    assertSeenAs(Modality.NEGATED, "self_harm_urge", "i would never hurt myself", "i don't want to hurt myself");
    assertSeenAs(Modality.NEGATED, "passive_ideation", "no quiero morir, quiero vivir");
  }

  @Test
  void negation_stops_at_the_clause_and_ignores_look_alikes() {
    assertFinds("passive_ideation", "i'm not going to do anything, but i want to die");
    assertFinds("active_ideation", "i can't stop thinking about killing myself",
        "i don't know why i keep wanting to kill myself");
    assertFinds("perceived_burdensomeness", "no one would miss me if i was gone");
    assertFinds("passive_ideation", "i don't want to live anymore");
  }

  @Test
  void hypotheticals_and_asking_for_a_friend_are_not_first_hand() {
    assertSeenAs(Modality.HYPOTHETICAL, "active_ideation", "what if someone wanted to kill themselves",
        "hypothetically, if i wanted to kill myself, would you tell anyone?");
    assertSeenAs(Modality.HYPOTHETICAL, "passive_ideation", "asking for a friend: is it normal to want to die sometimes");
    assertSeenAs(Modality.HYPOTHETICAL, "active_ideation",
        "if you ever feel suicidal please call a helpline, you matter",
        "what should i say if a friend tells me they're suicidal?");
  }

  @Test
  void method_questions_stay_serious_however_they_are_framed() {
    for (String text : List.of("asking for a friend, how many tylenol would it take to die",
        "in my story, what is the lethal dose of paracetamol for the character")) {
      Evidence e = find(text, "method_seeking");
      assertTrue(e.asserted(), text);
    }
  }

  @Test
  void resolved_and_past_experiences_are_history() {
    assertSeenAs(Modality.PAST, "nssi", "back when i was 15 i used to cut myself. 3 years clean now",
        "i self harmed for 5 years and i've been clean for 3",
        "today marks 1000 days since i last hurt myself on purpose");
    assertSeenAs(Modality.PAST, "active_ideation", "i was suicidal through most of uni. i'm 29 now and i love my life",
        "years ago i used to want to kill myself");
  }

  @Test
  void a_relapse_brings_history_back_to_now() {
    assertFinds("nssi", "i was 2 years clean but i relapsed and cut again last night");
  }

  @Test
  void past_events_disclosed_as_history_still_count_as_history() {
    Evidence strangled = find("he strangled me once. that was 12 years ago", "strangulation_history");
    assertTrue(strangled.has(Modality.HISTORICAL));
    assertTrue(strangled.asserted());
    Evidence attempt = find("i tried to kill myself when i was 16", "previous_attempts");
    assertTrue(attempt.asserted());
  }

  @Test
  void quoted_threats_belong_to_whoever_said_them() {
    Evidence threat = find("he said \"i'll kill you\" and then left", "threats_to_kill");
    assertEquals(RiskType.ABUSE, threat.type());
    assertEquals(Subject.SELF, threat.subject());
    assertTrue(threat.has(Modality.REPORTED));
    assertTrue(threat.asserted());
    Evidence friend = find("my friend posted 'i want to die' on instagram", "passive_ideation");
    assertEquals(Subject.OTHER, friend.subject());
    Evidence own = find("i keep telling myself 'i want to die'", "passive_ideation");
    assertEquals(Subject.SELF, own.subject());
  }

  @Test
  void someone_elses_quoted_kys_is_harassment_not_the_speakers_encouragement() {
    assertNoRiskIn("a troll sent me 'go kill yourself' after i posted my art",
        "a guy in the comments wrote 'kys' under her video");
  }

  @Test
  void being_told_to_kill_yourself_is_abuse_of_the_speaker_not_their_own_ideation() {
    assertSeenAs(Modality.DIRECTED, "active_ideation", "my mom says i should kill myself",
        "he told me to go kill myself", "meine mutter sagt, ich soll mich umbringen");
    assertSeenAs(Modality.DIRECTED, "harm_encouragement", "kids at school keep telling me to kys");
    assertFinds("emotional_abuse", "my mom says i should kill myself", "kids at school keep telling me to kys",
        "she keeps messaging me from fake accounts telling me to kill myself",
        "meine mutter sagt, ich soll mich umbringen", "die anderen in der klasse schreiben mir, ich soll sterben");
    // the speaker's own words stay theirs, and so does harm to others that someone urged
    assertFinds("active_ideation", "i think i should kill myself", "i feel like i should just kill myself",
        "my mom wants me to be a doctor and i want to kill myself");
    assertFinds("grievance", "my friends keep telling me to teach him a lesson. i'm honestly considering it");
  }

  @Test
  void fiction_and_roleplay_framing_is_recognised() {
    assertSeenAs(Modality.FICTION, "active_ideation", "in my story the character wants to kill herself",
        "i'm writing a poem about a girl who wants to kill herself");
    assertSeenAs(Modality.FICTION, "passive_ideation", "my oc just wants to die in this chapter");
    assertSeenAs(Modality.FICTION, "specific_threat", "let's roleplay. i'm going to kill him with my sword");
  }

  @Test
  void a_fiction_frame_lasts_across_turns_until_it_is_broken() {
    EvidenceDetector detector = EvidenceDetector.standard();
    Findings framed = detector.detect(List.of(user("let's roleplay, you're the knight"), assistant("*draws sword*"),
        user("i'm going to kill you, villain")));
    assertTrue(framed.asserted(RiskType.VIOLENCE).isEmpty());
    Findings broken = detector.detect(List.of(user("let's roleplay, you're the knight"),
        user("ooc: honestly i want to kill myself irl")));
    assertFalse(broken.asserted(RiskType.SUICIDE).isEmpty());
  }

  @Test
  void figures_of_speech_and_hard_negatives_are_not_risks() {
    assertNoRiskIn("kill the process on port 8080", "this exam is killing me", "i could murder a pizza rn",
        "dying of laughter at this", "my phone is dying lol", "killed it at the gig last night",
        "my mom is going to kill me when she sees my grades", "i'm gonna kill my brother if he eats my fries",
        "my brother beat me at mario kart again", "the heat is killing me today", "i'm dead 💀 that video",
        "me muero de risa jajaja", "muoio dal ridere", "je meurs de faim");
  }

  @Test
  void jokes_are_hyperbole_unless_the_speaker_says_they_mean_it() {
    assertSeenAs(Modality.FIGURATIVE, "active_ideation", "lol gonna kms if my mum makes me go to this wedding 😂",
        "this group project is making me want to unalive myself lmao");
    assertSeenAs(Modality.FIGURATIVE, "specific_threat", "my coworker ate my last donut, i'm going to kill him 🙄");
    assertFinds("active_ideation",
        "lmao i've been saying i'll kms since year 9 and i just realised i've never actually been joking 💀",
        "lol i want to kill myself and i have the pills right here");
  }

  @Test
  void a_later_clarification_retracts_the_statement_it_clarifies() {
    Findings f = EvidenceDetector.standard().detect(List.of(user("ugh i want to kill myself"),
        assistant("I'm sorry you feel this way. Are you safe?"), user("jk i meant the exam lol")));
    Evidence retracted = f.evidence().stream().filter(e -> e.name().equals("active_ideation")).findFirst().orElseThrow();
    assertTrue(retracted.has(Modality.RETRACTED));
    assertTrue(f.asserted(RiskType.SUICIDE).isEmpty());
    Findings sameMessage = EvidenceDetector.standard().detect(List.of(user("i want to kill myself... jk")));
    assertTrue(sameMessage.asserted(RiskType.SUICIDE).isEmpty());
  }

  @Test
  void an_attempt_in_progress_cannot_be_taken_back_with_a_joke() {
    Findings f = EvidenceDetector.standard().detect(List.of(user("i just took a whole bottle of tylenol"),
        user("jk")));
    assertFalse(f.asserted(RiskType.SUICIDE).isEmpty());
  }

  static ChatMessage user(String text) {
    return new ChatMessage("user", text);
  }

  static ChatMessage assistant(String text) {
    return new ChatMessage("assistant", text);
  }
}
