package dev.lifeguard.reply;

import static dev.lifeguard.reply.Fixtures.EMERGENCY;
import static dev.lifeguard.reply.Fixtures.LIFELINE;
import static dev.lifeguard.reply.Fixtures.RESOURCES;
import static dev.lifeguard.reply.Fixtures.TEXT_LINE;
import static dev.lifeguard.reply.Fixtures.YOUTH_LINE;
import static dev.lifeguard.reply.Fixtures.context;
import static dev.lifeguard.reply.Fixtures.minor;
import static dev.lifeguard.reply.Fixtures.risk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.taxonomy.AgeBand;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Subject;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Template replies: matched to severity, stance, harm and age; naming only the resources given. */
class ReplyComposerTest {

  /** One case per stance × family the templates distinguish. */
  record Case(String label, RiskType type, Subject subject, String... features) {}

  static final List<Case> CASES = List.of(
      new Case("speaker suicidal", RiskType.SUICIDE, Subject.SELF),
      new Case("speaker self-harming", RiskType.SELF_HARM, Subject.SELF),
      new Case("speaker abused", RiskType.ABUSE, Subject.SELF),
      new Case("speaker stalked", RiskType.STALKING, Subject.SELF),
      new Case("speaker exploited", RiskType.EXPLOITATION, Subject.SELF),
      new Case("friend suicidal", RiskType.SUICIDE, Subject.OTHER),
      new Case("friend abused", RiskType.SEXUAL_VIOLENCE, Subject.OTHER),
      new Case("child neglected", RiskType.NEGLECT, Subject.OTHER),
      new Case("speaker urging self-harm", RiskType.SELF_HARM, Subject.OTHER, "dangerous_challenge_content"),
      new Case("speaker threatening", RiskType.VIOLENCE, Subject.OTHER, "specific_threat"));

  static final List<Severity> SEVERITIES = List.of(Severity.MILD, Severity.MODERATE, Severity.HIGH, Severity.CRITICAL);

  @ParameterizedTest
  @ValueSource(strings = {"en", "es", "fr", "de", "pt", "it"})
  void every_language_renders_every_severity_for_every_stance_and_family(String language) {
    for (Case c : CASES) {
      for (Severity severity : SEVERITIES) {
        for (ReplyContext ctx : List.of(context(language), minor(language))) {
          Assessment a = risk(c.type(), c.subject(), severity, imminence(severity), c.features());
          String reply = ReplyComposer.compose(a, ctx).orElseThrow().content();
          String where = language + " / " + c.label() + " / " + severity + " / " + ctx.ageBand() + ":\n" + reply;
          assertFalse(reply.contains("{") || reply.contains("}"), "unfilled placeholder in " + where);
          assertTrue(reply.contains(first(ctx).getString("name")), "best resource not named in " + where);
          assertDigitsOnlyFromResources(reply, where);
          assertEquals(severity.atLeast(Severity.HIGH), reply.contains("911"), "emergency number wrong in " + where);
        }
      }
    }
  }

  @Test
  void nothing_at_risk_gives_no_reply() {
    assertTrue(ReplyComposer.compose(Fixtures.none(), context("en")).isEmpty());
  }

  @Test
  void the_template_source_is_template() {
    RecommendedReply reply = ReplyComposer.compose(risk(RiskType.SUICIDE, Subject.SELF, Severity.HIGH, Imminence.URGENT),
        context("en")).orElseThrow();
    assertEquals("template", reply.source().wireName());
    assertEquals("llm_generated", RecommendedReply.Source.LLM_GENERATED.wireName());
  }

  @Test
  void a_crisis_reply_shows_concern_names_three_services_with_how_to_reach_them_and_the_emergency_number() {
    String reply = compose(RiskType.SUICIDE, Subject.SELF, Severity.CRITICAL, "en");
    assertTrue(reply.contains("I'm worried about your safety right now"), reply);
    assertTrue(reply.contains("- 988 Suicide & Crisis Lifeline: call 988, Text 988 or chat at https://988lifeline.org/chat"
        + " (open day and night)"), reply);
    assertTrue(reply.contains("- Crisis Text Line: Text HOME to 741741 (open day and night)"), reply);
    assertTrue(reply.contains("National Domestic Violence Hotline"), reply);
    assertFalse(reply.contains("Kids Help Phone"), "a fourth service overwhelms: " + reply);
    assertTrue(reply.contains("please call 911"), reply);
  }

  @Test
  void a_mild_reply_is_a_gentle_check_in_with_one_service_and_no_alarm() {
    String reply = compose(RiskType.SUICIDE, Subject.SELF, Severity.MILD, "en");
    assertTrue(reply.contains("How are you doing right now?"), reply);
    assertTrue(reply.contains(LIFELINE.getString("name")), reply);
    assertFalse(reply.contains(TEXT_LINE.getString("name")), reply);
    assertFalse(reply.contains("911") || reply.contains("danger") || reply.contains("worried"), reply);
  }

  @Test
  void without_resources_it_says_so_and_names_local_emergency_services_without_inventing_a_number() {
    ReplyContext none = ReplyContext.of("en", AgeBand.ADULT, List.of(), null);
    String reply = ReplyComposer.compose(risk(RiskType.SUICIDE, Subject.SELF, Severity.MODERATE, Imminence.SUBACUTE), none)
        .orElseThrow().content();
    assertTrue(reply.contains("I don't have a verified helpline"), reply);
    assertTrue(reply.contains("your local emergency services"), reply);
    assertFalse(reply.matches("(?s).*\\d.*"), reply);
  }

  @Test
  void without_resources_but_with_the_emergency_entry_it_gives_that_number() {
    ReplyContext onlyEmergency = ReplyContext.of("de", AgeBand.ADULT, List.of(), new JsonObject().put("phone", "112"));
    String reply = ReplyComposer.compose(risk(RiskType.ABUSE, Subject.SELF, Severity.MODERATE, Imminence.SUBACUTE),
        onlyEmergency).orElseThrow().content();
    assertTrue(reply.contains("die 112"), reply);
    assertTrue(reply.contains("nicht deine Schuld"), reply);
  }

  @Test
  void a_minor_is_pointed_to_a_trusted_adult_in_simpler_words_and_to_youth_services_first() {
    String reply = ReplyComposer.compose(risk(RiskType.SELF_HARM, Subject.SELF, Severity.HIGH, Imminence.URGENT), minor("en"))
        .orElseThrow().content();
    assertTrue(reply.contains("trusted adult"), reply);
    assertTrue(reply.contains("Please move away from anything you could hurt yourself with"), reply);
    assertTrue(reply.indexOf(YOUTH_LINE.getString("name")) < reply.indexOf(LIFELINE.getString("name")), reply);
    assertTrue(reply.contains("(limited hours)"), reply);
    String adult = compose(RiskType.SELF_HARM, Subject.SELF, Severity.HIGH, "en");
    assertFalse(adult.contains("trusted adult"), adult);
  }

  @Test
  void a_worried_friend_gets_guidance_and_is_not_spoken_to_as_the_one_at_risk() {
    String reply = compose(RiskType.SUICIDE, Subject.OTHER, Severity.MODERATE, "en");
    assertTrue(reply.startsWith("It's good that you're looking out for them."), reply);
    assertTrue(reply.contains("Asking someone whether they're thinking about suicide does not put the idea in their head"), reply);
    assertTrue(reply.contains("These services can help them"), reply);
    assertFalse(reply.contains("your safety"), reply);
  }

  @Test
  void someone_urging_harm_or_threatening_is_answered_calmly_without_collusion() {
    String urging = ReplyComposer.compose(Fixtures.assess("hey have you tried the blackout challenge? you should totally try it"),
        context("en")).orElseThrow().content();
    assertTrue(urging.startsWith("I can't encourage anyone to hurt themselves"), urging);
    String threat = ReplyComposer.compose(Fixtures.assess("i'm going to stab my boss tomorrow, i've got a knife"),
        context("en")).orElseThrow().content();
    assertTrue(threat.contains("I won't help with hurting anyone"), threat);
    assertTrue(threat.contains("Please step away from the situation"), threat);
    assertTrue(threat.contains("call 911"), threat);
  }

  @Test
  void the_speakers_own_risk_comes_before_a_lesser_risk_to_someone_else() {
    Assessment both = Fixtures.of(List.of(
        Fixtures.riskOf(RiskType.SUICIDE, Subject.OTHER, Severity.HIGH, Imminence.SUBACUTE),
        Fixtures.riskOf(RiskType.SELF_HARM, Subject.SELF, Severity.MODERATE, Imminence.SUBACUTE)));
    String reply = ReplyComposer.compose(both, context("en")).orElseThrow().content();
    assertTrue(reply.startsWith("Thank you for telling me how you're feeling."), reply);
  }

  @Test
  void the_real_classifier_drives_the_wording_in_the_users_language() {
    Assessment a = Fixtures.assess("quiero morir, ya no puedo más");
    String reply = ReplyComposer.compose(a, context(a.language())).orElseThrow().content();
    assertTrue(reply.startsWith("Gracias por contarme cómo te sientes."), reply);
    assertTrue(reply.contains("llama al 988"), reply);
    Assessment abused = Fixtures.assess("my boyfriend hit me again last night and i'm scared to go home");
    String answer = ReplyComposer.compose(abused, context("en")).orElseThrow().content();
    assertTrue(answer.contains("What's happening to you is not your fault"), answer);
  }

  @Test
  void an_unsupported_language_falls_back_to_english() {
    assertEquals("en", ReplyContext.of("ja", AgeBand.ADULT, RESOURCES, EMERGENCY).language());
    assertEquals("pt", ReplyContext.of("pt-BR", AgeBand.ADULT, RESOURCES, EMERGENCY).language());
    assertEquals("en", ReplyContext.of(null, AgeBand.ADULT, RESOURCES, EMERGENCY).language());
  }

  @Test
  void augmenting_adds_the_resources_and_for_a_bystander_guidance() {
    String own = ReplyComposer.augment("That sounds really hard.", context("en"),
        risk(RiskType.SUICIDE, Subject.SELF, Severity.MODERATE, Imminence.SUBACUTE));
    assertTrue(own.startsWith("That sounds really hard.\n\nIf you'd like to talk to someone"), own);
    assertTrue(own.contains("988 Suicide & Crisis Lifeline"), own);
    assertFalse(own.contains("911"), own);
    String friend = ReplyComposer.augment("I'm sorry your friend is struggling.", context("fr"),
        risk(RiskType.SUICIDE, Subject.OTHER, Severity.HIGH, Imminence.URGENT));
    assertTrue(friend.contains("Demander à quelqu'un s'il pense au suicide"), friend);
    assertTrue(friend.contains("appelle le 911"), friend);
    assertEquals("Hello!", ReplyComposer.augment("Hello!", context("en"), Fixtures.none()));
  }

  private static String compose(RiskType type, Subject subject, Severity severity, String language) {
    return ReplyComposer.compose(risk(type, subject, severity, imminence(severity)), context(language)).orElseThrow().content();
  }

  private static Imminence imminence(Severity severity) {
    return severity.atLeast(Severity.HIGH) ? Imminence.URGENT : Imminence.SUBACUTE;
  }

  private static JsonObject first(ReplyContext ctx) {
    return ResourceLines.pick(ctx.resources(), ctx.minor(), 1).get(0);
  }

  /** Removes every value the resources and the emergency entry supplied; no digit may be left. */
  private static void assertDigitsOnlyFromResources(String reply, String where) {
    String rest = reply;
    for (JsonObject r : RESOURCES) {
      for (String field : List.of("name", "phone", "text_instructions", "chat_url", "website_url")) {
        if (r.getString(field) != null) {
          rest = rest.replace(r.getString(field), "");
        }
      }
    }
    rest = rest.replace(EMERGENCY.getString("phone"), "");
    assertFalse(rest.matches("(?s).*\\d.*"), "a digit not from the resources in " + where);
  }
}
