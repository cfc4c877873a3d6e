package dev.lifeguard.reply;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.taxonomy.AgeBand;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Subject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The upstream model's instructions: rules, situation, language and the only resources it may cite. */
class SafetyPromptTest {

  @Test
  void the_prompt_states_the_rules_the_situation_the_language_and_the_exact_resources() {
    String prompt = SafetyPrompt.build(Fixtures.risk(RiskType.SUICIDE, Subject.SELF, Severity.CRITICAL, Imminence.EMERGENCY),
        Fixtures.context("es"));
    assertTrue(prompt.contains("Write in Spanish"), prompt);
    assertTrue(prompt.contains("may be at risk themselves (suicide)"), prompt);
    assertTrue(prompt.startsWith("You are replying"), prompt);
    assertTrue(prompt.contains("critical: life may be in danger now"), prompt);
    assertTrue(prompt.contains("Never describe or hint at methods"), prompt);
    assertTrue(prompt.contains("- 988 Suicide & Crisis Lifeline (phone: 988; text: Text 988; chat: https://988lifeline.org/chat; hours: 24/7)"),
        prompt);
    assertTrue(prompt.contains("call 911 (the local emergency number)"), prompt);
    assertFalse(prompt.contains("{"), prompt);
    assertFalse(prompt.contains("trusted adult"), prompt);
  }

  @Test
  void a_bystander_and_a_minor_get_their_own_instructions() {
    String prompt = SafetyPrompt.build(Fixtures.risk(RiskType.SUICIDE, Subject.OTHER, Severity.MODERATE, Imminence.SUBACUTE),
        Fixtures.minor("en"));
    assertTrue(prompt.contains("worried about someone else"), prompt);
    assertTrue(prompt.contains("trusted adult"), prompt);
    assertTrue(prompt.indexOf("Kids Help Phone") < prompt.indexOf("988 Suicide"), "youth services first:\n" + prompt);
  }

  @Test
  void without_resources_the_model_is_told_to_say_so_and_not_to_invent_a_number() {
    String prompt = SafetyPrompt.build(Fixtures.risk(RiskType.VIOLENCE, Subject.OTHER, Severity.HIGH, Imminence.URGENT),
        ReplyContext.of("de", AgeBand.ADULT, List.of(), null));
    assertTrue(prompt.contains("considering harming someone else"), prompt);
    assertTrue(prompt.contains("none were found"), prompt);
    assertTrue(prompt.contains("no number is known; do not give one"), prompt);
    assertFalse(prompt.replace("about 150 words", "").matches("(?s).*\\d.*"), "only the length limit may be a number:\n" + prompt);
  }
}
