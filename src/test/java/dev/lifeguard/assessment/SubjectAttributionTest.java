package dev.lifeguard.assessment;

import static dev.lifeguard.assessment.Detect.assertSubject;
import static dev.lifeguard.assessment.Detect.find;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Subject;
import org.junit.jupiter.api.Test;

/** Who a detected phrase puts at risk. */
class SubjectAttributionTest {

  @Test
  void first_person_statements_are_about_the_speaker() {
    assertSubject(Subject.SELF, "passive_ideation", "i just want to die", "wanna die tbh",
        "she makes me want to die", "my mum thinks i'm fine but i want to die");
    assertSubject(Subject.SELF, "active_ideation", "i want to kill myself");
  }

  @Test
  void third_person_statements_are_about_someone_else() {
    assertSubject(Subject.OTHER, "active_ideation", "my sister told me she wants to kill herself",
        "my friend is suicidal and i don't know what to do", "he wants to kill himself");
    assertSubject(Subject.OTHER, "passive_ideation", "my best friend keeps saying she wants to die");
    assertSubject(Subject.OTHER, "nssi", "my friend cuts herself", "my brother has been self harming");
  }

  @Test
  void abuse_is_about_its_victim() {
    assertSubject(Subject.SELF, "physical_violence", "he hits me", "my husband punched me");
    assertSubject(Subject.OTHER, "physical_violence", "my dad hits my mom", "he beats her");
    assertSubject(Subject.SELF, "weapon_access", "he has a gun", "my husband owns guns");
  }

  @Test
  void the_speakers_threats_put_their_target_at_risk() {
    assertSubject(Subject.OTHER, "specific_threat", "i'm going to stab him", "i'll kill my ex");
    assertEquals(RiskType.VIOLENCE, find("i'm going to stab him", "specific_threat").type());
  }

  @Test
  void encouraging_someone_else_to_harm_themselves_puts_them_at_risk() {
    assertSubject(Subject.OTHER, "harm_encouragement", "you should kill yourself", "just go die already",
        "do everyone a favour and kill yourself", "kys");
    assertSubject(Subject.OTHER, "dangerous_challenge_content",
        "have you tried the blackout challenge? you should totally try it");
  }
}
